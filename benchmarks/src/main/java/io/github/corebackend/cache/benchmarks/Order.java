package io.github.corebackend.cache.benchmarks;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The value the serializer benchmark writes: an object of the kind a service caches, with a
 * collection, a decimal and a timestamp. A plain bean rather than a record, because Redisson's JSON
 * codec only writes class names for non-final classes and cannot read a record back.
 */
public class Order implements Serializable {

  private static final long serialVersionUID = 1L;

  private long id;
  private String customer;
  private List<String> items;
  private BigDecimal total;
  private Instant placed;

  /** An empty order, for deserializers that fill one in. */
  public Order() {}

  /** A sample order. */
  public static Order sample() {
    Order order = new Order();
    order.id = 4_711L;
    order.customer = "customer-42";
    order.items = new ArrayList<>(List.of("book", "lamp", "kettle"));
    order.total = new BigDecimal("129.90");
    order.placed = Instant.parse("2026-11-24T15:30:05.123Z");
    return order;
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public String getCustomer() {
    return customer;
  }

  public void setCustomer(String customer) {
    this.customer = customer;
  }

  public List<String> getItems() {
    return items;
  }

  public void setItems(List<String> items) {
    this.items = items;
  }

  public BigDecimal getTotal() {
    return total;
  }

  public void setTotal(BigDecimal total) {
    this.total = total;
  }

  public Instant getPlaced() {
    return placed;
  }

  public void setPlaced(Instant placed) {
    this.placed = placed;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Order order && id == order.id && customer.equals(order.customer)
        && items.equals(order.items) && total.equals(order.total) && placed.equals(order.placed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, customer, items, total, placed);
  }
}
