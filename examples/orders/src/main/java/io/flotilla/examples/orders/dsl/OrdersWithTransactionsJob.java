package io.flotilla.examples.orders.dsl;

import static org.apache.flink.table.api.Expressions.$;

import io.flotilla.dsl.job.FlotillaJob;
import io.flotilla.dsl.job.JobContext;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;

/**
 * The seed's DataStream step: orders and their transactions as streams of POJOs, keyed by order id
 * and connected into a process function with state, then back into a table with a schema.
 */
public final class OrdersWithTransactionsJob implements FlotillaJob {

    /**
     * The process step's uid: its state is found again by it after a release, whatever the steps
     * around it.
     */
    public static final String PROCESS_UID = "order-transactions";

    @Override
    public String name() {
        return "orders-with-transactions";
    }

    @Override
    public void build(JobContext ctx) {
        Table orders = ctx.from(OrdersTable.class).select($("id"), $("name"), $("cost"));
        Table transactions = ctx.from(TransactionsTable.class);
        DataStream<Order> orderStream = ctx.toDataStream(orders, Order.class);
        DataStream<Transaction> transactionStream =
                ctx.toDataStream(transactions, Transaction.class);
        DataStream<Row> orderWithTransaction =
                orderStream
                        .map(Order::withLowerCaseName)
                        .returns(Order.class)
                        .keyBy(Order::getId, Types.LONG)
                        .connect(transactionStream.keyBy(Transaction::getOrderId, Types.LONG))
                        .process(new OrderTransactionProcessFunction())
                        .returns(
                                Types.ROW_NAMED(
                                        new String[] {
                                            "id",
                                            "transactions",
                                            "name",
                                            "cost",
                                            "transactionStatus"
                                        },
                                        Types.LONG,
                                        Types.LONG,
                                        Types.STRING,
                                        Types.DOUBLE,
                                        Types.STRING))
                        .uid(PROCESS_UID)
                        .name("order-transactions");
        Table ordersWithTransactions =
                ctx.fromDataStream(
                        orderWithTransaction,
                        Schema.newBuilder()
                                .column("id", DataTypes.BIGINT())
                                .column("transactions", DataTypes.BIGINT())
                                .column("name", DataTypes.STRING())
                                .column("cost", DataTypes.DOUBLE())
                                .column("transactionStatus", DataTypes.STRING())
                                .build());
        ctx.insertInto(OrderTransactionsTable.class, ordersWithTransactions);
    }
}
