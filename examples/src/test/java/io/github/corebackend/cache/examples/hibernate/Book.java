package io.github.corebackend.cache.examples.hibernate;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Enumerated;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/** A book, cached read-write. */
@Entity
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Book {

  @Id
  private Long id;
  private String title;
  @Enumerated(EnumType.STRING)
  private Genre genre;
  @ManyToOne(fetch = FetchType.LAZY)
  private Author author;

  protected Book() {}

  Book(long id, String title, Genre genre, Author author) {
    this.id = id;
    this.title = title;
    this.genre = genre;
    this.author = author;
  }

  String title() {
    return title;
  }

  void title(String title) {
    this.title = title;
  }

  Genre genre() {
    return genre;
  }

  Author author() {
    return author;
  }
}
