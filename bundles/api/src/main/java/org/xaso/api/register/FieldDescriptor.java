package org.xaso.api.register;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One field of a register: its type, labels, constraints and how search, statistics and the personal-data law treat it.
 * Immutable; build with {@link #builder(String, FieldType)}.
 */
public final class FieldDescriptor {

    private final String name;
    private final FieldType type;
    private final String labelVi;
    private final String labelEn;
    private final String hintVi;
    private final boolean required;
    private final Integer maxLength;
    private final BigDecimal min;
    private final BigDecimal max;
    private final Integer scale;
    private final String pattern;
    private final boolean notFuture;
    private final String codeList;
    private final String refRegister;
    private final boolean searchable;
    private final boolean dimension;
    private final boolean measure;
    private final PersonalDataClass personalData;
    private final String unit;
    private final String demo;

    private FieldDescriptor(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.type = Objects.requireNonNull(b.type, "type");
        this.labelVi = Objects.requireNonNull(b.labelVi, "labelVi of " + b.name);
        this.labelEn = Objects.requireNonNull(b.labelEn, "labelEn of " + b.name);
        this.hintVi = b.hintVi;
        this.required = b.required;
        this.maxLength = b.maxLength;
        this.min = b.min;
        this.max = b.max;
        this.scale = b.scale;
        this.pattern = b.pattern;
        this.notFuture = b.notFuture;
        this.codeList = b.codeList;
        this.refRegister = b.refRegister;
        this.searchable = b.searchable;
        this.dimension = b.dimension;
        this.measure = b.measure;
        this.personalData = b.personalData == null ? PersonalDataClass.INTERNAL : b.personalData;
        this.unit = b.unit;
        this.demo = b.demo;
    }

    public static Builder builder(String name, FieldType type) {
        return new Builder(name, type);
    }

    /** Field id: lower camel case, unique in its register, e.g. {@code headName}. */
    public String name() {
        return name;
    }

    public FieldType type() {
        return type;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }

    /** Help text for officers, or null. */
    public String hintVi() {
        return hintVi;
    }

    public boolean required() {
        return required;
    }

    /** Maximum number of characters for text types, or null for the type's default. */
    public Integer maxLength() {
        return maxLength;
    }

    /** Lowest allowed value for numeric types, or null. */
    public BigDecimal min() {
        return min;
    }

    /** Highest allowed value for numeric types, or null. */
    public BigDecimal max() {
        return max;
    }

    /** Digits after the decimal point for decimal and area fields, or null for the type's default. */
    public Integer scale() {
        return scale;
    }

    /** A regular expression text values must match entirely, or null. */
    public String pattern() {
        return pattern;
    }

    /** For dates: the value may not lie after today (birth dates, decision dates). */
    public boolean notFuture() {
        return notFuture;
    }

    /** For {@link FieldType#CODE}: the code list id. */
    public String codeList() {
        return codeList;
    }

    /** For {@link FieldType#REFERENCE}: the id of the register referred to. */
    public String refRegister() {
        return refRegister;
    }

    /** Can be used as a search filter (and gets an index). */
    public boolean searchable() {
        return searchable;
    }

    /** Can be used to group statistics. */
    public boolean dimension() {
        return dimension;
    }

    /** Can be summed, averaged... in statistics. */
    public boolean measure() {
        return measure;
    }

    public PersonalDataClass personalData() {
        return personalData;
    }

    /** Unit shown next to the value (m², ha, người, tấn...), or null. */
    public String unit() {
        return unit;
    }

    /** A hint for the demo-data generator (personName, address, organisationName...), or null. */
    public String demo() {
        return demo;
    }

    @Override
    public String toString() {
        return name + ":" + type.jsonName();
    }

    public static final class Builder {
        private final String name;
        private final FieldType type;
        private String labelVi;
        private String labelEn;
        private String hintVi;
        private boolean required;
        private Integer maxLength;
        private BigDecimal min;
        private BigDecimal max;
        private Integer scale;
        private String pattern;
        private boolean notFuture;
        private String codeList;
        private String refRegister;
        private boolean searchable;
        private boolean dimension;
        private boolean measure;
        private PersonalDataClass personalData;
        private String unit;
        private String demo;

        private Builder(String name, FieldType type) {
            this.name = name;
            this.type = type;
        }

        public Builder labels(String vi, String en) {
            this.labelVi = vi;
            this.labelEn = en;
            return this;
        }

        public Builder hintVi(String v) {
            this.hintVi = v;
            return this;
        }

        public Builder required(boolean v) {
            this.required = v;
            return this;
        }

        public Builder maxLength(Integer v) {
            this.maxLength = v;
            return this;
        }

        public Builder min(BigDecimal v) {
            this.min = v;
            return this;
        }

        public Builder max(BigDecimal v) {
            this.max = v;
            return this;
        }

        public Builder scale(Integer v) {
            this.scale = v;
            return this;
        }

        public Builder pattern(String v) {
            this.pattern = v;
            return this;
        }

        public Builder notFuture(boolean v) {
            this.notFuture = v;
            return this;
        }

        public Builder codeList(String v) {
            this.codeList = v;
            return this;
        }

        public Builder refRegister(String v) {
            this.refRegister = v;
            return this;
        }

        public Builder searchable(boolean v) {
            this.searchable = v;
            return this;
        }

        public Builder dimension(boolean v) {
            this.dimension = v;
            return this;
        }

        public Builder measure(boolean v) {
            this.measure = v;
            return this;
        }

        public Builder personalData(PersonalDataClass v) {
            this.personalData = v;
            return this;
        }

        public Builder unit(String v) {
            this.unit = v;
            return this;
        }

        public Builder demo(String v) {
            this.demo = v;
            return this;
        }

        public FieldDescriptor build() {
            return new FieldDescriptor(this);
        }
    }
}
