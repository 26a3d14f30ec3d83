package org.alignscope.settings;

/** A setting or a section: one key of a schema's mapping. */
public interface SchemaEntry {
    String key();
}
