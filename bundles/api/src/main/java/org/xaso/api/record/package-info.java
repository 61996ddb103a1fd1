/**
 * Records of registers: create, read, update, soft delete, search, statistics and import, one generic contract for all registers.
 */
@Version("1.1.0")
package org.xaso.api.record;

import org.osgi.annotation.versioning.Version;
