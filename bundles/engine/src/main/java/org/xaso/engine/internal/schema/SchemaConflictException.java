package org.xaso.engine.internal.schema;

/** A descriptor asks for a column change that would lose stored data; the register is not deployed. */
public class SchemaConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SchemaConflictException(String message) {
        super(message);
    }
}
