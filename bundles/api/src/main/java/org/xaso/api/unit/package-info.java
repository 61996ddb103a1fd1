/**
 * Administrative units with history (the 2025 reform), their successions and the hamlets of each commune.
 */
@Version("1.0.0")
package org.xaso.api.unit;

import org.osgi.annotation.versioning.Version;
