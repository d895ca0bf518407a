package dev.hop.core.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks the naming rules on awkward PostgreSQL names. */
class JavaNamesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "order|Order|order|ORDER|order", "class|Class_|class_|CLASS|class_", "User Name|UserName|userName|USER_NAME|user_name",
      "2fa|_2fa|_2fa|_2FA|_2fa", "mixedCase|MixedCase|mixedCase|MIXED_CASE|mixedcase",
      "user_account|UserAccount|userAccount|USER_ACCOUNT|user_account", "ID|ID|id|ID|id",
      "HTTPCode|HTTPCode|httpCode|HTTPCODE|httpcode", "string|String_|string|STRING|string",
      "row|Row_|row_|ROW|row", "hashCode|HashCode|hashCode_|HASH_CODE|hashcode", "public|Public|public_|PUBLIC|public_",
      "in progress|InProgress|inProgress|IN_PROGRESS|in_progress", "é-tudiant|ÉTudiant|éTudiant|É_TUDIANT|é_tudiant",
      "!!|_Relation|_column|_VALUE|_schema"})
  void makesEveryNameSafe(String sql, String type, String member, String constant, String pkg) {
    assertThat(JavaNames.typeName(sql)).isEqualTo(type);
    assertThat(JavaNames.memberName(sql)).isEqualTo(member);
    assertThat(JavaNames.constantName(sql)).isEqualTo(constant);
    assertThat(JavaNames.packageSegment(sql)).isEqualTo(pkg);
  }

  @Test
  void clashesGetNumberedIgnoringCaseAndCompanionsAreReserved() {
    NameTable table = new NameTable(Set.of("RELATION"));
    assertThat(table.claim("Relation")).isEqualTo("Relation_2");
    assertThat(table.claim("Item", "Test")).isEqualTo("Item");
    assertThat(table.claim("ItemTest", "Test")).isEqualTo("ItemTest_2");
    assertThat(table.claim("ITEM")).isEqualTo("ITEM_2");
  }
}
