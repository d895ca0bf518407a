package dev.hop.core.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class a fresh database on {@link TestPostgres}, created before its tests, dropped after them, and
 * injected wherever a {@link TestDatabase} parameter is declared (constructor, lifecycle or test method).
 *
 * <p>A {@code @Nested} class gets its own database. If no server can be had, the class fails with the reason.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    database(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    TestDatabase database = context.getStore(NAMESPACE).remove(context.getRequiredTestClass(), TestDatabase.class);
    if (database != null) {
      database.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestDatabase.class;
  }

  @Override
  public TestDatabase resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return database(context);
  }

  /**
   * The database of the nearest class context, created on first need (a constructor may need it before beforeAll).
   * It is keyed by class because a nested class's store also sees its enclosing class's values.
   */
  private static TestDatabase database(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (!(classContext.getElement().orElse(null) instanceof Class)) {
      classContext = classContext.getParent().orElseThrow();
    }
    return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(classContext.getRequiredTestClass(),
        testClass -> TestPostgres.get().createDatabase(testClass.getSimpleName()), TestDatabase.class);
  }
}
