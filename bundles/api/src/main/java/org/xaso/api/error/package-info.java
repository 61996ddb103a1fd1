/**
 * Errors every entry point maps to RFC 7807 problems or SOAP faults: each names the field and the reason, in Vietnamese and English.
 */
@Version("1.0.0")
package org.xaso.api.error;

import org.osgi.annotation.versioning.Version;
