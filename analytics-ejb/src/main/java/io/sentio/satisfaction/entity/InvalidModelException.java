package io.sentio.satisfaction.entity;

/**
 * A path model, a data set or a parameter that the satisfaction statistics cannot use. The message
 * names the construct, indicator, path, field or cell and says why; the web layer serves it as a
 * 400 problem.
 */
public class InvalidModelException extends IllegalArgumentException {

    public InvalidModelException(String message) {
        super(message);
    }
}
