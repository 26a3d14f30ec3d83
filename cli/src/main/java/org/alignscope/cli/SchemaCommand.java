package org.alignscope.cli;

import org.alignscope.settings.Schema;

/**
 * A command whose options are the settings of a schema: {@link SchemaOptions} adds one option per setting when
 * picocli builds the command, and reads them back as typed {@link org.alignscope.settings.Values}.
 */
interface SchemaCommand {
    Schema schema();
}
