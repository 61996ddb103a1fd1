package org.xaso.soap.internal;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

/**
 * The detail of every fault of RegisterService: a stable code, the HTTP-like status (400 bad input, 404 not found,
 * 409 conflict, 410 commune gone, 422 invalid data...), the message in Vietnamese and English, and for invalid data
 * each field with its reason.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "RegisterFaultInfo", propOrder = {"code", "status", "message", "messageEn", "violations", "successors", "incident"})
public class RegisterFaultInfo {
    public String code;
    public int status;
    public String message;
    public String messageEn;
    @XmlElement(name = "violation")
    public List<Dto.Violation> violations = new ArrayList<>();
    @XmlElement(name = "successor")
    public List<Dto.Successor> successors = new ArrayList<>();
    public String incident;
}
