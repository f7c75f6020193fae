package io.github.corebackend.cache.benchmarks;

import java.io.Serializable;

/**
 * The value the benchmarks cache: a small mutable object, like an ORM's cached entity state, so that
 * a store-by-value cache has to copy it rather than hand out a shared immutable instance.
 */
public final class Payload implements Serializable {

  private static final long serialVersionUID = 1L;

  private long id;
  private String name;

  /** A value for key {@code id}. */
  public Payload(long id) {
    this.id = id;
    this.name = "entity-" + id;
  }

  /** The key this value was made for. */
  public long id() {
    return id;
  }

  /** A name derived from the id. */
  public String name() {
    return name;
  }

  /** Changes the value, which a store-by-value cache must not see. */
  public void rename(String newName) {
    this.name = newName;
  }
}
