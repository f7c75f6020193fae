package io.github.corebackend.cache.examples.hibernate;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;
import org.hibernate.annotations.Immutable;

/**
 * Reference data: immutable, so that with {@code hibernate.cache.use_reference_entries} Hibernate
 * caches the instance itself rather than its disassembled state. Not {@code Serializable}: such
 * entries can only live in memory.
 */
@Entity
@Immutable
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_ONLY)
public class Country {

  @Id
  private String code;
  private String name;

  protected Country() {}

  Country(String code, String name) {
    this.code = code;
    this.name = name;
  }

  String name() {
    return name;
  }
}
