package io.flotilla.examples.orders.dsl;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;

/**
 * Keyed by order id: remembers the order and counts its transactions in state; every transaction
 * emits the order with its count so far and the transaction's status.
 */
public class OrderTransactionProcessFunction
        extends KeyedCoProcessFunction<Long, Order, Transaction, Row> {

    private transient ValueState<String> name;
    private transient ValueState<Double> cost;
    private transient ValueState<Long> transactions;

    @Override
    public void open(OpenContext openContext) {
        name = getRuntimeContext().getState(new ValueStateDescriptor<>("name", Types.STRING));
        cost = getRuntimeContext().getState(new ValueStateDescriptor<>("cost", Types.DOUBLE));
        transactions =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("transactions", Types.LONG));
    }

    @Override
    public void processElement1(Order order, Context ctx, Collector<Row> out) throws Exception {
        name.update(order.name);
        cost.update(order.cost);
    }

    @Override
    public void processElement2(Transaction tx, Context ctx, Collector<Row> out) throws Exception {
        long count = transactions.value() == null ? 1 : transactions.value() + 1;
        transactions.update(count);
        out.collect(Row.of(ctx.getCurrentKey(), count, name.value(), cost.value(), tx.status));
    }
}
