package org.xaso.engine.internal.descriptor;

import java.util.List;

/** A descriptor or code-list file is not valid; each problem names the file and the element. */
public class DescriptorException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public DescriptorException(String source, List<String> problems) {
        super(source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
