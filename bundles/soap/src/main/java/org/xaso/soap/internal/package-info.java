/**
 * The SOAP face of the engine: {@code RegisterService}, namespace {@value org.xaso.soap.internal.RegisterService#NS}.
 */
@XmlSchema(namespace = RegisterService.NS, elementFormDefault = XmlNsForm.QUALIFIED)
package org.xaso.soap.internal;

import javax.xml.bind.annotation.XmlNsForm;
import javax.xml.bind.annotation.XmlSchema;
