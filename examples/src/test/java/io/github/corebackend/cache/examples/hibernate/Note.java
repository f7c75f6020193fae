package io.github.corebackend.cache.examples.hibernate;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/**
 * A note, cached nonstrict read-write: Hibernate takes no lock in the cache and evicts the entry
 * only after the commit, so another JVM's near cache drops its copy when the invalidation arrives.
 */
@Entity
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.NONSTRICT_READ_WRITE)
public class Note {

  @Id
  private Long id;
  private String text;

  protected Note() {}

  Note(long id, String text) {
    this.id = id;
    this.text = text;
  }

  String text() {
    return text;
  }

  void text(String text) {
    this.text = text;
  }
}
