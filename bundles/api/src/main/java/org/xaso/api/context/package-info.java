/**
 * Who is calling: every engine call carries a {@link org.xaso.api.context.CallerContext}.
 */
@Version("1.0.0")
package org.xaso.api.context;

import org.osgi.annotation.versioning.Version;
