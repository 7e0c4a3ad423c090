package cn.gd.xueshi.sector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The sector feature's SQL names its own tables only: people come from identity, credits go through the ledger's door. */
class SectorBoundariesTest {

    private static final Pattern STRINGS = Pattern.compile("(?s)\"\"\"(.*?)\"\"\"|\"([^\"]*)\"");
    private static final Pattern TABLES = Pattern.compile("\\b(?:from|join|into|update)\\s+([a-z_]+)");

    /** The tables a string of SQL names (nothing for prose: SQL starts with a keyword and has a parameter or a where). */
    static Set<String> tables(String text) {
        String sql = text.strip().toLowerCase();
        Set<String> named = new TreeSet<>();
        if (sql.matches("(?s)(select|insert|update|delete|with|from) .*") && sql.matches("(?s).*(\\$\\d|\\bwhere\\b|\\bgroup by\\b).*")) {
            Matcher table = TABLES.matcher(sql);
            while (table.find()) {
                named.add(table.group(1));
            }
        }
        named.remove("unnest");
        named.remove("set"); // on conflict … do update set
        return named;
    }

    @Test
    void theSectorFeaturesSqlNamesOnlyItsOwnTables() throws Exception {
        assertEquals(Set.of("hour_entry", "professional"),
                tables("insert into hour_entry select * from professional p where p.id = $1"), "the check itself can fail");
        assertEquals(Set.of(), tables("fields differ from the record accepted"));
        Set<String> named = new TreeSet<>();
        try (var files = Files.list(Path.of("src/main/java/cn/gd/xueshi/sector"))) {
            for (Path f : files.toList()) {
                Matcher text = STRINGS.matcher(Files.readString(f));
                while (text.find()) {
                    named.addAll(tables(text.group(1) != null ? text.group(1) : text.group(2)));
                }
            }
        }
        assertEquals(Set.of("sector_push_rate", "sector_record"), named);
    }
}
