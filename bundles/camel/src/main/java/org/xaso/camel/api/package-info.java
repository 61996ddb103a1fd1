/**
 * What the Camel runtime tells about the routes it runs from the watched folder.
 */
@Version("1.0.0")
package org.xaso.camel.api;

import org.osgi.annotation.versioning.Version;
