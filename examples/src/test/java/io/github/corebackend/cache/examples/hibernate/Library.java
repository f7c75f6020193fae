package io.github.corebackend.cache.examples.hibernate;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.stat.Statistics;

/**
 * The application: a session factory over PostgreSQL whose second-level cache is this provider,
 * configured only by {@code hibernate.cache.region.factory_class=jcache} and
 * {@code hibernate.javax.cache.uri}. Each operation is a transaction of its own, as a request would be.
 */
final class Library implements AutoCloseable {

  /** The query whose results Hibernate keeps in its query cache. */
  private static final String BY_GENRE = "select b.title from Book b where b.genre = :genre order by b.title";

  private final SessionFactory sessions;

  private Library(SessionFactory sessions) {
    this.sessions = sessions;
  }

  /**
   * Opens the library.
   *
   * @param jdbcUrl the PostgreSQL database, which must exist; its tables are created if absent
   * @param cacheUri {@code hibernate.javax.cache.uri}, in any form Hibernate accepts
   * @param extra further Hibernate properties
   */
  static Library open(String jdbcUrl, String cacheUri, Map<String, String> extra) {
    Configuration configuration = new Configuration()
        .addAnnotatedClass(Author.class)
        .addAnnotatedClass(Book.class)
        .addAnnotatedClass(Country.class)
        .addAnnotatedClass(Note.class)
        .setProperty("hibernate.connection.url", jdbcUrl)
        .setProperty("hibernate.connection.username", PostgresDatabase.user())
        .setProperty("hibernate.hbm2ddl.auto", "update")
        .setProperty("hibernate.cache.region.factory_class", "jcache")
        .setProperty("hibernate.javax.cache.uri", cacheUri)
        .setProperty("hibernate.cache.use_query_cache", "true")
        .setProperty("hibernate.generate_statistics", "true");
    extra.forEach(configuration::setProperty);
    return new Library(configuration.buildSessionFactory());
  }

  /** Adds an author with no books. */
  void addAuthor(long id, String name) {
    sessions.inTransaction(session -> session.persist(new Author(id, name)));
  }

  /** Adds a book to its author's collection, as the model's owner of the relation must. */
  void addBook(long id, String title, Genre genre, long authorId) {
    sessions.inTransaction(session -> {
      Author author = session.find(Author.class, authorId);
      Book book = new Book(id, title, genre, author);
      author.books().add(book);
      session.persist(book);
    });
  }

  void addCountry(String code, String name) {
    sessions.inTransaction(session -> session.persist(new Country(code, name)));
  }

  void addNote(long id, String text) {
    sessions.inTransaction(session -> session.persist(new Note(id, text)));
  }

  String noteText(long id) {
    return sessions.fromSession(session -> session.find(Note.class, id).text());
  }

  void rewrite(long id, String text) {
    sessions.inTransaction(session -> session.find(Note.class, id).text(text));
  }

  /** The book's title, or {@code null} when there is no such book. */
  String title(long id) {
    return sessions.fromSession(session -> {
      Book book = session.find(Book.class, id);
      return book == null ? null : book.title();
    });
  }

  Genre genre(long id) {
    return sessions.fromSession(session -> session.find(Book.class, id).genre());
  }

  String countryName(String code) {
    return sessions.fromSession(session -> session.find(Country.class, code).name());
  }

  void rename(long id, String title) {
    sessions.inTransaction(session -> session.find(Book.class, id).title(title));
  }

  void delete(long id) {
    sessions.inTransaction(session -> {
      Book book = session.find(Book.class, id);
      book.author().books().remove(book);
      session.remove(book);
    });
  }

  /** The titles of the author's books, read through the cached collection. */
  TreeSet<String> titlesBy(long authorId) {
    return sessions.fromSession(session -> session.find(Author.class, authorId).books().stream()
        .map(Book::title).collect(Collectors.toCollection(TreeSet::new)));
  }

  /** The titles of a genre, through the query cache. */
  List<String> titlesIn(Genre genre) {
    return sessions.fromSession(session -> session.createQuery(BY_GENRE, String.class)
        .setParameter("genre", genre).setCacheable(true).getResultList());
  }

  Statistics statistics() {
    return sessions.getStatistics();
  }

  SessionFactory sessions() {
    return sessions;
  }

  @Override
  public void close() {
    sessions.close();
  }
}
