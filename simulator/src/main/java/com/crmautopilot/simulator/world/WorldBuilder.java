package com.crmautopilot.simulator.world;

import com.crmautopilot.simulator.SimulatorConfig;
import com.crmautopilot.simulator.random.Rng;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Draws the world from the config. Every entity draws from its own random stream (named by tenant, kind and
 * index), so the world does not depend on the order of drawing, and one kind of entity can change without
 * changing the others.
 */
final class WorldBuilder {

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private final SimulatorConfig config;
    private final long seed;
    private final Instant start;
    private final Instant end;

    WorldBuilder(SimulatorConfig config) {
        this.config = config;
        this.seed = config.seed();
        this.start = config.start();
        this.end = config.end();
    }

    World build() {
        List<TenantWorld> tenants = new ArrayList<>();
        for (int i = 0; i < config.tenants(); i++) {
            tenants.add(buildTenant(i));
        }
        return new World(config, tenants);
    }

    private TenantWorld buildTenant(int index) {
        String tenantId = Ids.tenant(index);
        Region region = Region.forTenantIndex(index);
        ZoneId home = ZoneId.of(region.homeZone());
        List<Rep> reps = drawReps(index, tenantId, region);
        List<Account> accounts = drawInitialAccounts(index, tenantId, region, reps);
        List<CampaignSchedule> schedules = scheduleCampaigns(index, tenantId, home);
        List<LeadPlan> leads = drawLeads(index, tenantId, region, reps, accounts, schedules);

        // Conversions inside the period open deals, on the lead's account or on a new one.
        List<Account> allAccounts = new ArrayList<>(accounts);
        List<PendingDeal> pending = new ArrayList<>();
        List<LeadPlan> converting = leads.stream()
                .filter(l -> l.convertAt() != null && l.convertAt().isBefore(end))
                .sorted(Comparator.comparing(LeadPlan::convertAt).thenComparing(LeadPlan::leadId))
                .toList();
        List<LeadPlan> withAccounts = new ArrayList<>(leads);
        for (LeadPlan lead : converting) {
            Rng rng = Rng.derive(seed, "lead-deal", index, lead.drawIndex());
            Account account;
            List<String> contacts = new ArrayList<>();
            contacts.add(lead.contactId());
            if (lead.accountId() != null) {
                account = findAccount(accounts, lead.accountId());
            } else {
                account = newAccountFromLead(rng, tenantId, allAccounts.size() + 1, lead);
                allAccounts.add(account);
            }
            withAccounts.set(indexOfLead(withAccounts, lead.leadId()), lead.withDealAccount(account.accountId()));
            account.contacts().forEach(c -> contacts.add(c.contactId()));
            Instant createdAt = lead.convertAt().plusMillis(rng.between(5, 60) * MINUTE);
            DealPlanner.Subject subject = new DealPlanner.Subject(tenantId, account.accountId(), account.name(),
                    account.employeeCount(), lead.leadId(), repById(reps, lead.ownerId()), contacts, true);
            pending.add(new PendingDeal(DealPlanner.plan(rng, subject, createdAt), lead.leadId(), 0));
        }
        int directDeals = (int) Math.round(accounts.size() * 0.6 * config.days() / 180.0);
        for (int k = 0; k < directDeals; k++) {
            Rng rng = Rng.derive(seed, "direct-deal", index, k);
            Account account = accounts.get(rng.nextInt(accounts.size()));
            Rep owner = repById(reps, account.ownerId());
            // A fifth of them open in the first two weeks, so the pipeline is not empty at the start.
            double day = rng.chance(0.2) ? rng.uniform(0, Math.min(14, config.days()))
                    : rng.uniform(0, Math.max(1, config.days() - 7));
            Instant createdAt = Rhythm.nextWorkingTime(DealPlanner.plus(start.plusMillis(HOUR), day), owner.zone(), rng);
            if (!createdAt.isBefore(end)) {
                continue;
            }
            List<String> contacts = account.contacts().stream().map(Contact::contactId).toList();
            DealPlanner.Subject subject = new DealPlanner.Subject(tenantId, account.accountId(), account.name(),
                    account.employeeCount(), null, owner, contacts, false);
            pending.add(new PendingDeal(DealPlanner.plan(rng, subject, createdAt), null, k + 1));
        }
        pending.sort(Comparator.comparing((PendingDeal d) -> d.plan().createdAt())
                .thenComparing(d -> d.sourceLeadId() == null ? "" : d.sourceLeadId())
                .thenComparingInt(PendingDeal::directIndex));
        List<DealPlan> deals = new ArrayList<>();
        List<LeadPlan> finalLeads = new ArrayList<>(withAccounts);
        for (int k = 0; k < pending.size(); k++) {
            String opportunityId = Ids.padded("opp-", k + 1, 5);
            PendingDeal deal = pending.get(k);
            deals.add(deal.plan().withId(opportunityId));
            if (deal.sourceLeadId() != null) {
                int at = indexOfLead(finalLeads, deal.sourceLeadId());
                LeadPlan lead = finalLeads.get(at);
                finalLeads.set(at, lead.withIds(lead.leadId(), opportunityId, lead.contactId()));
            }
        }
        allAccounts.sort(Comparator.comparing(Account::createdAt).thenComparing(Account::accountId));
        List<CampaignPlan> campaigns = new ArrayList<>();
        for (CampaignSchedule schedule : schedules) {
            campaigns.add(schedule.finish(finalLeads));
        }
        return new TenantWorld(tenantId, index, region, home, reps, allAccounts, finalLeads, campaigns, deals);
    }

    private record PendingDeal(DealPlan plan, String sourceLeadId, int directIndex) {
    }

    private List<Rep> drawReps(int index, String tenantId, Region region) {
        List<Rep> reps = new ArrayList<>();
        for (int r = 0; r < config.repsPerTenant(); r++) {
            Rng rng = Rng.derive(seed, "rep", index, r);
            String name = Catalog.personName(rng);
            ZoneId zone = ZoneId.of(Catalog.draw(region.repZones(), rng));
            double followUp = rng.uniform(0.6, 0.97);
            double responseHours = rng.logNormal(4, 0.6);
            reps.add(new Rep(tenantId, Ids.padded("user-", r + 1, 2), name, Catalog.email(name, tenantId + " crm"),
                    zone, round4(followUp), round4(responseHours), SuggestionTastes.draw(rng)));
        }
        return reps;
    }

    private List<Account> drawInitialAccounts(int index, String tenantId, Region region, List<Rep> reps) {
        List<Account> accounts = new ArrayList<>();
        int count = config.accountsPerTenant();
        for (int a = 0; a < count; a++) {
            Rng rng = Rng.derive(seed, "account", index, a);
            String accountId = Ids.padded("acct-", a + 1, 4);
            String name = Catalog.companyName(rng);
            String industry = Catalog.drawEffect(Catalog.INDUSTRIES, rng).value();
            int employees = Catalog.drawCompanySize(rng);
            double revenue = DealPlanner.roundTo(1000, employees * rng.logNormal(150_000, 0.5));
            String country = Catalog.draw(region.leadCountries(), rng);
            Rep owner = reps.get(rng.nextInt(reps.size()));
            boolean industryMissing = rng.chance(0.12);
            boolean employeesMissing = rng.chance(0.12);
            boolean revenueMissing = rng.chance(0.20);
            Instant enrichedAt = null;
            if ((industryMissing || employeesMissing || revenueMissing) && rng.chance(0.35)) {
                Instant t = Rhythm.nextWorkingTime(DealPlanner.plus(start, rng.uniform(3, Math.max(3.5, config.days() - 1))),
                        owner.zone(), rng);
                enrichedAt = t.isBefore(end) ? t : null;
            }
            // The initial book loads in the first hour.
            Instant createdAt = start.plusMillis(a * HOUR / count);
            List<Contact> contacts = new ArrayList<>();
            int contactCount = rng.between(2, 6);
            for (int k = 0; k < contactCount; k++) {
                Seniority seniority = Catalog.drawSeniority(rng);
                contacts.add(new Contact(tenantId, Ids.padded("contact-", a + 1, 4) + "-" + (k + 1), accountId,
                        Catalog.personName(rng), Catalog.drawTitle(seniority, rng)));
            }
            accounts.add(new Account(tenantId, accountId, name, industry, employees, revenue, country, owner.userId(),
                    industryMissing, employeesMissing, revenueMissing, createdAt, enrichedAt, null, contacts));
        }
        return accounts;
    }

    private Account newAccountFromLead(Rng rng, String tenantId, int number, LeadPlan lead) {
        String accountId = Ids.padded("acct-", number, 4);
        List<Contact> contacts = new ArrayList<>();
        contacts.add(new Contact(tenantId, lead.contactId(), accountId, lead.name(), lead.title()));
        int extra = rng.between(1, 3);
        for (int k = 0; k < extra; k++) {
            Seniority seniority = Catalog.drawSeniority(rng);
            contacts.add(new Contact(tenantId, Ids.padded("contact-", number, 4) + "-" + (k + 1), accountId,
                    Catalog.personName(rng), Catalog.drawTitle(seniority, rng)));
        }
        double revenue = DealPlanner.roundTo(1000, lead.companySize() * rng.logNormal(150_000, 0.5));
        Instant createdAt = lead.convertAt().plusMillis(rng.between(1, 4) * MINUTE);
        return new Account(tenantId, accountId, lead.company(), lead.industry(), lead.companySize(), revenue,
                lead.country(), lead.ownerId(), lead.industryHidden(), lead.sizeHidden(), rng.chance(0.3),
                createdAt, null, lead.leadId(), contacts);
    }

    /** A campaign's id and times, fixed before the leads are drawn (leads name the campaign that brought them). */
    private record CampaignSchedule(String tenantId, String campaignId, String name, Instant createdAt, Instant sendAt,
                                    double audienceFraction, List<VariantDraft> variants) {

        CampaignPlan finish(List<LeadPlan> leads) {
            List<VariantPlan> plans = new ArrayList<>();
            for (VariantDraft v : variants) {
                double open = 0;
                double click = 0;
                double conversion = 0;
                for (LeadPlan lead : leads) {
                    double pOpen = Engagement.openProbability(v.baseOpen(), lead.interest(), lead.habit());
                    double pClick = pOpen * Engagement.clickGivenOpen(v.clickGivenOpen(), lead.interest());
                    open += pOpen;
                    click += pClick;
                    conversion += pClick * Engagement.conversionGivenClick(v.conversionGivenClick(), lead.interest());
                }
                int n = Math.max(1, leads.size());
                plans.add(new VariantPlan(campaignId, v.variantId(), v.subject(), v.baseOpen(), v.clickGivenOpen(),
                        v.conversionGivenClick(), round6(open / n), round6(click / n), round6(conversion / n)));
            }
            return new CampaignPlan(tenantId, campaignId, name, createdAt, sendAt, audienceFraction, plans);
        }
    }

    private record VariantDraft(String variantId, String subject, double baseOpen, double clickGivenOpen,
                                double conversionGivenClick) {
    }

    private List<CampaignSchedule> scheduleCampaigns(int index, String tenantId, ZoneId home) {
        List<CampaignSchedule> campaigns = new ArrayList<>();
        int count = config.campaignsPerTenant();
        LocalDate firstDay = start.atZone(home).toLocalDate();
        for (int c = 0; c < count; c++) {
            Rng rng = Rng.derive(seed, "campaign", index, c);
            String campaignId = Ids.padded("camp-", c + 1, 2);
            LocalDate day = firstDay.plusDays((long) ((c + 0.5) * config.days() / count));
            // Marketers send mid-week.
            while (day.getDayOfWeek() != DayOfWeek.TUESDAY && day.getDayOfWeek() != DayOfWeek.WEDNESDAY
                    && day.getDayOfWeek() != DayOfWeek.THURSDAY) {
                day = day.plusDays(1);
            }
            Instant sendAt = ZonedDateTime.of(day, LocalTime.of(9, 0), home).toInstant()
                    .plusMillis(rng.nextLong(3 * HOUR));
            if (sendAt.isBefore(start.plusMillis(2 * HOUR))) {
                sendAt = sendAt.plusMillis(7 * DAY);
            }
            Instant createdAt = DealPlanner.max(start.plusMillis(30 * MINUTE), DealPlanner.plus(sendAt, -rng.uniform(3, 10)));
            if (!createdAt.isBefore(end)) {
                continue;
            }
            String theme = Catalog.CAMPAIGN_THEMES.get(c % Catalog.CAMPAIGN_THEMES.size());
            String name = theme + " " + day.getYear() + (c >= Catalog.CAMPAIGN_THEMES.size() ? " #" + (c + 1) : "");
            int variantCount = rng.chance(0.7) ? 2 : 3;
            List<VariantDraft> variants = new ArrayList<>();
            for (int v = 0; v < variantCount; v++) {
                String subject = String.format(java.util.Locale.ROOT, rng.pick(Catalog.CAMPAIGN_SUBJECTS), theme);
                variants.add(new VariantDraft(campaignId + "-" + (char) ('a' + v), subject,
                        round4(rng.uniform(0.12, 0.45)), round4(rng.uniform(0.06, 0.30)), round4(rng.uniform(0.05, 0.30))));
            }
            campaigns.add(new CampaignSchedule(tenantId, campaignId, name, createdAt, sendAt,
                    round4(rng.uniform(0.5, 0.9)), variants));
        }
        return campaigns;
    }

    private List<LeadPlan> drawLeads(int index, String tenantId, Region region, List<Rep> reps, List<Account> accounts,
                                     List<CampaignSchedule> campaigns) {
        List<LeadPlan> drawn = new ArrayList<>();
        for (int l = 0; l < config.leadsPerTenant(); l++) {
            drawn.add(drawLead(Rng.derive(seed, "lead", index, l), l, tenantId, region, reps, accounts, campaigns));
        }
        drawn.sort(Comparator.comparing(LeadPlan::createdAt).thenComparingInt(LeadPlan::drawIndex));
        List<LeadPlan> leads = new ArrayList<>(drawn.size());
        for (int k = 0; k < drawn.size(); k++) {
            String leadId = Ids.padded("lead-", k + 1, 5);
            leads.add(drawn.get(k).withIds(leadId, null, "contact-" + leadId));
        }
        return leads;
    }

    private LeadPlan drawLead(Rng rng, int drawIndex, String tenantId, Region region, List<Rep> reps,
                              List<Account> accounts, List<CampaignSchedule> campaigns) {
        Account account = rng.chance(0.2) ? accounts.get(rng.nextInt(accounts.size())) : null;
        String country = account != null ? account.country() : Catalog.draw(region.leadCountries(), rng);
        ZoneId zone = ZoneId.of(Catalog.zoneForCountry(country, rng));
        Instant createdAt = drawCreationTime(rng, zone);
        Seniority seniority = Catalog.drawSeniority(rng);
        String title = Catalog.drawTitle(seniority, rng);
        String source = Catalog.drawEffect(Catalog.SOURCES, rng).value();
        String company = account != null ? account.name() : Catalog.companyName(rng);
        int size = account != null ? account.employeeCount() : Catalog.drawCompanySize(rng);
        String industry = account != null ? account.industry() : Catalog.drawEffect(Catalog.INDUSTRIES, rng).value();
        String name = Catalog.personName(rng);
        String campaignId = null;
        if ((source.equals("paid") || source.equals("event")) && rng.chance(0.7)) {
            for (CampaignSchedule campaign : campaigns) {
                if (campaign.sendAt().isBefore(createdAt)) {
                    campaignId = campaign.campaignId();
                }
            }
        }
        double interest = rng.gaussian();
        double habit = rng.gaussian();
        double logit = LeadPropensity.logit(size, industry, seniority, source, country, interest);
        double p = Rng.sigmoid(logit);
        Rep owner = reps.get(rng.nextInt(reps.size()));
        boolean willConvert = rng.chance(p);
        Instant convertAt = null;
        Instant disqualifyAt = null;
        String disqualifyReason = null;
        if (willConvert) {
            convertAt = Rhythm.nextWorkingTime(
                    DealPlanner.plus(createdAt, ConversionTiming.drawConversionDelayDays(rng)), owner.zone(), rng);
        } else if (rng.chance(ConversionTiming.DISQUALIFY_PROBABILITY)) {
            disqualifyAt = Rhythm.nextWorkingTime(
                    DealPlanner.plus(createdAt, ConversionTiming.drawDisqualificationDelayDays(rng)), owner.zone(), rng);
            disqualifyReason = rng.pick(Catalog.DISQUALIFY_REASONS);
        }
        boolean sizeHidden = rng.chance(0.10);
        boolean industryHidden = rng.chance(0.08);
        boolean titleHidden = rng.chance(0.05);
        boolean countryHidden = rng.chance(0.03);
        boolean anyHidden = sizeHidden || industryHidden || titleHidden || countryHidden;
        Instant updateAt = null;
        if (anyHidden ? rng.chance(0.5) : rng.chance(0.08)) {
            updateAt = Rhythm.nextWorkingTime(DealPlanner.plus(createdAt, rng.uniform(2, 40)), owner.zone(), rng);
        }
        return new LeadPlan(tenantId, null, drawIndex, createdAt, owner.userId(), name,
                Catalog.email(name, company), title, seniority, company, account == null ? null : account.accountId(),
                size, industry, country, zone, source, campaignId, sizeHidden, industryHidden, titleHidden,
                countryHidden, round6(interest), round6(habit), round6(logit), round6(p), willConvert, convertAt,
                disqualifyAt, disqualifyReason, updateAt, null, null, null);
    }

    /** A weekday (weekends at 30%) uniform over the period, at a time in the lead's own day. */
    private Instant drawCreationTime(Rng rng, ZoneId zone) {
        LocalDate firstDay = start.atZone(zone).toLocalDate();
        for (int attempt = 0; attempt < 50; attempt++) {
            LocalDate day = firstDay.plusDays(rng.nextInt(config.days() + 1));
            if (Rhythm.isWeekend(day) && !rng.chance(0.3)) {
                continue;
            }
            Instant t = Rhythm.PROSPECT.sampleInDay(day, zone, rng);
            if (!t.isBefore(start) && t.isBefore(end)) {
                return t;
            }
        }
        return start.plusMillis(rng.nextLong(Math.max(1, end.toEpochMilli() - start.toEpochMilli())));
    }

    private static Account findAccount(List<Account> accounts, String accountId) {
        for (Account account : accounts) {
            if (account.accountId().equals(accountId)) {
                return account;
            }
        }
        throw new IllegalStateException("no account " + accountId);
    }

    private static Rep repById(List<Rep> reps, String userId) {
        for (Rep rep : reps) {
            if (rep.userId().equals(userId)) {
                return rep;
            }
        }
        throw new IllegalStateException("no rep " + userId);
    }

    private static int indexOfLead(List<LeadPlan> leads, String leadId) {
        // Lead ids follow list order: lead-00042 sits at index 41.
        int at = Integer.parseInt(leadId.substring("lead-".length())) - 1;
        if (!leads.get(at).leadId().equals(leadId)) {
            throw new IllegalStateException("lead order broken at " + leadId);
        }
        return at;
    }

    private static double round4(double v) {
        return StrictMath.rint(v * 10_000) / 10_000;
    }

    private static double round6(double v) {
        return StrictMath.rint(v * 1_000_000) / 1_000_000;
    }
}
