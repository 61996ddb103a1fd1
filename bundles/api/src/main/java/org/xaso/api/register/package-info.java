/**
 * Register descriptors: a register is data (fields, labels, validation, search and statistics dimensions, personal-data classes).
 */
@Version("1.1.0")
package org.xaso.api.register;

import org.osgi.annotation.versioning.Version;
