package org.xaso.soap.internal;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlAttribute;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.XmlValue;

/** The XML types of RegisterService. Field values travel as text in their canonical form (ISO dates, plain numbers). */
public final class Dto {

    private Dto() {
    }

    /** A register deployed now. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "RegisterInfo", propOrder = {"id", "nameVi", "nameEn", "domain", "seedCode", "readOnly", "fields"})
    public static class RegisterInfo {
        public String id;
        public String nameVi;
        public String nameEn;
        public String domain;
        public String seedCode;
        public boolean readOnly;
        @XmlElement(name = "field")
        public List<FieldInfo> fields = new ArrayList<>();
    }

    /** A field of a register. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "FieldInfo")
    public static class FieldInfo {
        @XmlAttribute(required = true)
        public String name;
        @XmlAttribute(required = true)
        public String type;
        @XmlAttribute
        public boolean required;
        @XmlAttribute
        public String labelVi;
        @XmlAttribute
        public String labelEn;
    }

    /** One field value: {@code <field name="headName">Nguyễn Văn An</field>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "FieldValue")
    public static class FieldValue {
        @XmlAttribute(required = true)
        public String name;
        @XmlAttribute
        public String label;
        @XmlValue
        public String value;

        public FieldValue() {
        }

        FieldValue(String name, String value, String label) {
            this.name = name;
            this.value = value;
            this.label = label;
        }
    }

    /** A search condition in the REST syntax: name is a field, field.from or field.to, q, sort. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Criterion")
    public static class Criterion {
        @XmlAttribute(required = true)
        public String name;
        @XmlValue
        public String value;
    }

    /** A record. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Record", propOrder = {"id", "registerId", "communeCode", "version", "fields", "createdAt",
            "createdBy", "updatedAt", "updatedBy", "source", "syncedAt"})
    public static class Record {
        public String id;
        public String registerId;
        public String communeCode;
        public long version;
        @XmlElement(name = "field")
        public List<FieldValue> fields = new ArrayList<>();
        public String createdAt;
        public String createdBy;
        public String updatedAt;
        public String updatedBy;
        public String source;
        /** When a record read from a national or sector database was last synchronised. */
        public String syncedAt;
    }

    /** A page of search results. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "SearchResult", propOrder = {"total", "limit", "offset", "records"})
    public static class SearchResult {
        public long total;
        public int limit;
        public int offset;
        @XmlElement(name = "record")
        public List<Record> records = new ArrayList<>();
    }

    /** Why one field was refused. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Violation")
    public static class Violation {
        @XmlAttribute(required = true)
        public String field;
        @XmlAttribute(required = true)
        public String code;
        public String message;
        public String messageEn;
    }

    /** A unit that succeeded a commune that no longer exists. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Successor")
    public static class Successor {
        @XmlAttribute(required = true)
        public String code;
        @XmlAttribute(required = true)
        public String name;
    }
}
