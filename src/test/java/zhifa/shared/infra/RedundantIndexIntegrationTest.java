package zhifa.shared.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import zhifa.support.IntegrationTestBase;

/**
 * No index that another index on the same table already answers: every index is written with every insert and with
 * every update of its columns, so a second copy slows the write paths (two on {@code enforcement_case.party_key} were
 * written with every clue until V106) and answers nothing the first does not. An index is redundant when a btree index
 * on the same table with the same predicate (or none) starts with the same key columns or expressions, operator classes
 * and collations in the same order — read forwards or backwards —, carries its INCLUDE columns, and it is not itself a
 * unique index narrower than that one (which enforces something the wider cannot). A predicate that keeps every row
 * ({@code col is not null} on a not-null column) counts as none.
 */
class RedundantIndexIntegrationTest extends IntegrationTestBase {

	/**
	 * One btree index: its key columns (0 for an expression) with their operator classes, collations and order options,
	 * its INCLUDE columns, its expressions and its predicate (null when it keeps every row).
	 */
	record Index(String table, String name, boolean unique, boolean nullsNotDistinct, List<Integer> keys, List<Integer> classes, List<Integer> collations,
			List<Integer> options, java.util.Set<Integer> included, String expressions, String predicate) {

		boolean answeredBy(Index wider) {
			int n = keys.size();
			if (wider == this || !wider.table.equals(table) || !java.util.Objects.equals(wider.predicate, predicate)
					|| !java.util.Objects.equals(wider.expressions, expressions) || wider.keys.size() < n || !wider.keys.subList(0, n).equals(keys)
					|| !wider.classes.subList(0, n).equals(classes) || !wider.collations.subList(0, n).equals(collations)) {
				return false;
			}
			List<Integer> prefix = wider.options.subList(0, n);
			if (!prefix.equals(options) && !reversed(prefix).equals(options)) {
				return false;
			}
			// what it carries for index-only scans the wider one must carry too
			java.util.Set<Integer> carried = new java.util.HashSet<>(wider.keys);
			carried.addAll(wider.included);
			if (!carried.containsAll(included)) {
				return false;
			}
			if (unique && (n < wider.keys.size() || !wider.unique || nullsNotDistinct != wider.nullsNotDistinct)) {
				return false;
			}
			// two identical indexes: report the later one only
			return n < wider.keys.size() || unique != wider.unique || !included.equals(wider.included) || name.compareTo(wider.name) > 0;
		}

		private static List<Integer> reversed(List<Integer> options) {
			// bit 0 DESC, bit 1 NULLS FIRST: a backward scan flips both
			return options.stream().map(o -> o ^ 3).toList();
		}
	}

	/** The btree indexes of the schema's tables (or of one table); a predicate that keeps every row counts as none. */
	private List<Index> indexes(String table) {
		return jdbc.query("""
				select c.relname as tbl, i.relname as name, x.indisunique as uniq, x.indnullsnotdistinct as nnd, x.indnkeyatts as nkeys,
				       x.indkey::text as cols, x.indclass::text as classes, x.indcollation::text as collations, x.indoption::text as opts,
				       pg_get_expr(x.indexprs, x.indrelid) as exprs,
				       case when x.indpred is null then null
				            when exists (select 1 from pg_attribute a where a.attrelid = x.indrelid and a.attnotnull
				                         and pg_get_expr(x.indpred, x.indrelid) = '(' || quote_ident(a.attname) || ' IS NOT NULL)') then null
				            else pg_get_expr(x.indpred, x.indrelid) end as pred
				  from pg_index x
				  join pg_class i on i.oid = x.indexrelid
				  join pg_class c on c.oid = x.indrelid
				  join pg_namespace n on n.oid = c.relnamespace
				  join pg_am am on am.oid = i.relam
				 where n.nspname = 'public' and am.amname = 'btree' and c.relkind in ('r', 'p') and (cast(? as text) is null or c.relname = ?)
				""", (rs, n) -> {
			List<Integer> all = numbers(rs.getString("cols"));
			int keys = rs.getInt("nkeys");
			return new Index(rs.getString("tbl"), rs.getString("name"), rs.getBoolean("uniq"), rs.getBoolean("nnd"), all.subList(0, keys),
					numbers(rs.getString("classes")), numbers(rs.getString("collations")), numbers(rs.getString("opts")),
					new java.util.HashSet<>(all.subList(keys, all.size())), rs.getString("exprs"), rs.getString("pred"));
		}, table, table);
	}

	private static List<String> redundant(List<Index> indexes) {
		List<String> found = new ArrayList<>();
		for (Index i : indexes) {
			indexes.stream().filter(i::answeredBy).findFirst().ifPresent(w -> found.add(i.table() + "." + i.name() + " (answered by " + w.name() + ")"));
		}
		return found;
	}

	@Test
	void noIndexRepeatsAnother() {
		List<Index> indexes = indexes(null);
		assertThat(indexes).as("the schema's btree indexes").hasSizeGreaterThan(100);
		assertThat(redundant(indexes)).as("indexes another index on the same table already answers").isEmpty();
	}

	@Test
	void theRuleFindsCopiesAndPrefixesButNotWhatAnIndexAddsToAnother() {
		jdbc.execute("""
				create table redundancy_probe (a bigint not null, b text, c int, d int);
				create index redundancy_probe_a on redundancy_probe (a);
				create index redundancy_probe_a_not_null on redundancy_probe (a) where a is not null;
				create index redundancy_probe_a_desc on redundancy_probe (a desc);
				create unique index redundancy_probe_a_b on redundancy_probe (a, b);
				create unique index redundancy_probe_b on redundancy_probe (b);
				create index redundancy_probe_b_c on redundancy_probe (b, c);
				create index redundancy_probe_c_open on redundancy_probe (c) where b is null;
				create index redundancy_probe_c_open_again on redundancy_probe (c) where b is null;
				create index redundancy_probe_c_b on redundancy_probe (c desc, b);
				create index redundancy_probe_c_b_mixed on redundancy_probe (c, b);
				create index redundancy_probe_d_incl on redundancy_probe (d) include (a, b);
				create index redundancy_probe_d_a on redundancy_probe (d, a);
				create index redundancy_probe_b_pattern on redundancy_probe (b text_pattern_ops);
				create index redundancy_probe_b_c_collated on redundancy_probe (b collate "C", c)
				""");
		try {
			// (a) and its copies are answered by the unique (a, b), the second partial (c) by the first; the unique (b)
			// enforces what (b, c) cannot; (c, b) in mixed order is not (c desc, b) read either way; (d) include (a, b)
			// carries b, which (d, a) does not; another operator class or collation answers other queries
			assertThat(redundant(indexes("redundancy_probe"))).extracting(r -> r.substring(0, r.indexOf(' ')))
				.containsExactlyInAnyOrder("redundancy_probe.redundancy_probe_a", "redundancy_probe.redundancy_probe_a_not_null",
						"redundancy_probe.redundancy_probe_a_desc", "redundancy_probe.redundancy_probe_c_open_again");
		}
		finally {
			jdbc.execute("drop table redundancy_probe");
		}
	}

	private static List<Integer> numbers(String vector) {
		return vector == null || vector.isBlank() ? List.of() : Arrays.stream(vector.trim().split(" ")).map(Integer::valueOf).toList();
	}
}
