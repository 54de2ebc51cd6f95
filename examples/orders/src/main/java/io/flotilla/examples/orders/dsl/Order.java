package io.flotilla.examples.orders.dsl;

/** An order as the DataStream step sees it: a POJO whose fields are the table's columns. */
public class Order {
    public Long id;
    public String name;
    public Double cost;

    public Order() {}

    public Long getId() {
        return id;
    }

    /** This order with its name lower-cased, as the seed's {@code map} step does. */
    public Order withLowerCaseName() {
        Order o = new Order();
        o.id = id;
        o.name = name == null ? null : name.toLowerCase(java.util.Locale.ROOT);
        o.cost = cost;
        return o;
    }
}
