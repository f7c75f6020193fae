package io.github.corebackend.cache.benchmarks;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/**
 * The entity of the Hibernate benchmark: a few strings and ints and an enum, cached READ_WRITE in the
 * second-level cache, as an application would map a small reference table.
 */
@Entity
@Table(name = "book", indexes = @Index(name = "book_genre", columnList = "genre"))
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Book {

  /** The genres; the cached query selects the books of one. */
  public enum Genre { FICTION, ESSAY, POETRY, DRAMA, HISTORY, SCIENCE, TRAVEL, CHILDREN, COOKING, ART }

  @Id
  private Long id;
  private String title;
  private String author;
  private String isbn;
  private int pages;
  private int published;
  @Enumerated(EnumType.STRING)
  private Genre genre;

  protected Book() {}

  /** Book number {@code id}, its attributes derived from the number. */
  Book(long id) {
    this.id = id;
    this.title = "Title of book " + id;
    this.author = "Author " + (id % 97);
    this.isbn = String.format("978-0-%05d-%03d-%d", id, id % 1000, id % 10);
    this.pages = 100 + (int) (id * 37 % 900);
    this.published = 1950 + (int) (id % 75);
    this.genre = genreOf(id);
  }

  /** The genre book number {@code id} gets: as many books in each. */
  static Genre genreOf(long id) {
    Genre[] genres = Genre.values();
    return genres[(int) (id % genres.length)];
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public Genre getGenre() {
    return genre;
  }
}
