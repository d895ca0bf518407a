package dev.hop.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reads reports shaped as Surefire writes them, and what it must not be fooled by. */
class SurefireReportsTest {
  @TempDir
  Path dir;

  @Test
  void sumsTheSuitesAndNamesEachFailingTestOnce() throws IOException {
    Files.writeString(dir.resolve("TEST-app.UsersTest.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="app.UsersTest" time="0.3" tests="2"
            errors="0" skipped="1" failures="0">
          <properties>
            <property name="line.separator" value="&#10;"/>
            <property name="argLine" value='-Dx=">" -Dy=&apos;z&apos;'/>
          </properties>
          <testcase name="creates" classname="app.UsersTest" time="0.1"/>
          <testcase name="later" classname="app.UsersTest" time="0"><skipped message="not yet"/></testcase>
        </testsuite>
        """);
    Files.writeString(dir.resolve("TEST-app.OrdersTest.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite name="app.OrdersTest" tests="4" errors="1" skipped="0" failures="2">
          <!-- <testcase name="commented" classname="app.OrdersTest"><failure message="no"/></testcase> -->
          <testcase name="total" classname="app.OrdersTest">
            <failure message="expected: &lt;3&gt; but was: &lt;4&gt;&#10;second line" type="AssertionFailedError">
        trace</failure>
            <error type="IllegalStateException">after the failure</error>
          </testcase>
          <testcase name="connects" classname="app.OrdersTest">
            <error type="java.sql.SQLException"><![CDATA[<testcase name="fake"><failure message="in a trace"/>]]></error>
            <system-out><![CDATA[</testcase><testcase name="printed">]]></system-out>
          </testcase>
          <testcase name="rounds" classname="app.OrdersTest"><failure message="  &quot;1.0&quot; &amp; 1  "/></testcase>
          <testcase name="passes" classname="app.OrdersTest"/>
        </testsuite>
        """);

    SurefireReports.Summary summary = SurefireReports.read(List.of(dir, dir.resolve("absent")));

    assertThat(List.of(summary.run(), summary.failures(), summary.errors(), summary.skipped()))
        .containsExactly(6, 2, 1, 1);
    assertThat(summary.failed()).extracting(TestReport.FailedTest::toString).containsExactly(
        "OrdersTest.total: expected: <3> but was: <4>", "OrdersTest.connects: java.sql.SQLException",
        "OrdersTest.rounds: \"1.0\" & 1");
  }

  @Test
  void noReportIsNoTest() throws IOException {
    SurefireReports.Summary summary = SurefireReports.read(List.of(dir));

    assertThat(List.of(summary.run(), summary.failures(), summary.errors(), summary.skipped()))
        .containsExactly(0, 0, 0, 0);
  }

  static Stream<Arguments> unreadable() {
    return Stream.of(
        Arguments.of("<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><testsuite tests='1'/>",
            "a document type declaration"),
        Arguments.of("<testsuite tests='1", "the value of tests is not closed"),
        Arguments.of("<testsuite tests=1/>", "the value of tests is not quoted"),
        Arguments.of("<testsuite tests='1'><!-- never closed", "'-->' is missing"),
        Arguments.of("<testsuite tests='1'></testsuite", "an end tag is not closed"));
  }

  @ParameterizedTest
  @MethodSource("unreadable")
  void refusesWhatItCannotRead(String xml, String why) throws IOException {
    Path file = Files.writeString(dir.resolve("TEST-broken.xml"), xml);

    assertThatThrownBy(() -> SurefireReports.read(List.of(dir))).isInstanceOf(IOException.class)
        .hasMessageStartingWith("Unreadable Surefire report " + file + ": not well-formed XML at offset")
        .hasMessageContaining(why);
  }

  static Stream<Arguments> entities() {
    return Stream.of(
        Arguments.of("plain", "plain"),
        Arguments.of("a &lt; b &amp;&amp; c &gt; d", "a < b && c > d"),
        Arguments.of("&#65;&#x42;&#X43;", "ABC"),
        Arguments.of("&#x1F600;", "\uD83D\uDE00"),
        Arguments.of("&unknown; & &#xZZ; &;", "&unknown; & &#xZZ; &;"),
        Arguments.of("&quot;&apos;", "\"'"));
  }

  @ParameterizedTest
  @MethodSource("entities")
  void decodesEntities(String value, String decoded) {
    assertThat(XmlTags.decode(value)).isEqualTo(decoded);
  }
}
