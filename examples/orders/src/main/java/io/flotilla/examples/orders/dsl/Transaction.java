package io.flotilla.examples.orders.dsl;

/** A payment transaction as the DataStream step sees it. */
public class Transaction {
    public Long orderId;
    public String status;
    public Double amount;

    public Transaction() {}

    public Long getOrderId() {
        return orderId;
    }
}
