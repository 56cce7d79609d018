package com.crmautopilot.models.training;

/**
 * Input data that cannot be trained or evaluated on. The message is written for the person who supplied the file:
 * it says what is wrong and where, and the CLI prints it as is.
 */
public class DataImportException extends RuntimeException {

    public DataImportException(String message) {
        super(message);
    }

    public DataImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
