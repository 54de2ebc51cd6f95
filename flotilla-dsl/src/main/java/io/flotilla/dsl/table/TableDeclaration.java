package io.flotilla.dsl.table;

/**
 * A table declared as a class: jobs refer to it by class ({@code ctx.from(OrdersTable.class)}) or
 * by name; list implementations in {@code META-INF/services/io.flotilla.dsl.table.TableDeclaration}
 * so the catalog finds them.
 */
public interface TableDeclaration {

    /** The table's definition. */
    TableDef table();
}
