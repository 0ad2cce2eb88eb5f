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
 * on the same table without a predicate starts with the same columns (or expressions) in the same order — read forwards
 * or backwards — and it is not itself a unique index narrower than that one (which enforces something the wider cannot).
 * A predicate that keeps every row ({@code col is not null} on a not-null column) counts as none.
 */
class RedundantIndexIntegrationTest extends IntegrationTestBase {

	record Index(String table, String name, boolean unique, List<Integer> columns, List<Integer> options, String expressions, String predicate) {

		boolean answeredBy(Index wider) {
			if (wider == this || !wider.table.equals(table) || wider.predicate != null || predicate != null
					|| !java.util.Objects.equals(wider.expressions, expressions) || wider.columns.size() < columns.size()
					|| !wider.columns.subList(0, columns.size()).equals(columns)) {
				return false;
			}
			List<Integer> prefix = wider.options.subList(0, options.size());
			boolean sameOrder = prefix.equals(options) || reversed(prefix).equals(options);
			if (!sameOrder) {
				return false;
			}
			if (unique && (columns.size() < wider.columns.size() || !wider.unique)) {
				return false;
			}
			// two identical indexes: report the later one only
			return columns.size() < wider.columns.size() || unique != wider.unique || name.compareTo(wider.name) > 0;
		}

		private static List<Integer> reversed(List<Integer> options) {
			// bit 0 DESC, bit 1 NULLS FIRST: a backward scan flips both
			return options.stream().map(o -> o ^ 3).toList();
		}
	}

	@Test
	void noIndexRepeatsAnother() {
		List<Index> indexes = jdbc.query("""
				select c.relname as tbl, i.relname as name, x.indisunique as uniq, x.indkey::text as cols, x.indoption::text as opts,
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
				 where n.nspname = 'public' and am.amname = 'btree' and c.relkind in ('r', 'p')
				""", (rs, n) -> new Index(rs.getString("tbl"), rs.getString("name"), rs.getBoolean("uniq"), numbers(rs.getString("cols")),
				numbers(rs.getString("opts")), rs.getString("exprs"), rs.getString("pred")));
		assertThat(indexes).as("the schema's btree indexes").hasSizeGreaterThan(100);

		List<String> redundant = new ArrayList<>();
		for (Index i : indexes) {
			indexes.stream().filter(i::answeredBy).findFirst().ifPresent(w -> redundant.add(i.table() + "." + i.name() + " (answered by " + w.name() + ")"));
		}
		assertThat(redundant).as("indexes another index on the same table already answers").isEmpty();
	}

	@Test
	void theRuleFindsACopyAPrefixAndAKeepEveryRowPredicateButNotAUniqueOrPartialIndex() {
		jdbc.execute("""
				create table redundancy_probe (a bigint not null, b text, c int);
				create index redundancy_probe_a on redundancy_probe (a);
				create index redundancy_probe_a_not_null on redundancy_probe (a) where a is not null;
				create index redundancy_probe_a_desc on redundancy_probe (a desc);
				create unique index redundancy_probe_a_b on redundancy_probe (a, b);
				create unique index redundancy_probe_b on redundancy_probe (b);
				create index redundancy_probe_b_c on redundancy_probe (b, c);
				create index redundancy_probe_c_open on redundancy_probe (c) where b is null;
				create index redundancy_probe_c_b on redundancy_probe (c desc, b);
				create index redundancy_probe_c_b_mixed on redundancy_probe (c, b)
				""");
		try {
			List<String> found = new ArrayList<>();
			List<Index> all = jdbc.query("""
					select i.relname as name, x.indisunique as uniq, x.indkey::text as cols, x.indoption::text as opts,
					       pg_get_expr(x.indexprs, x.indrelid) as exprs,
					       case when pg_get_expr(x.indpred, x.indrelid) = '(a IS NOT NULL)' then null else pg_get_expr(x.indpred, x.indrelid) end as pred
					  from pg_index x join pg_class i on i.oid = x.indexrelid where x.indrelid = 'redundancy_probe'::regclass
					""", (rs, n) -> new Index("redundancy_probe", rs.getString("name"), rs.getBoolean("uniq"), numbers(rs.getString("cols")),
					numbers(rs.getString("opts")), rs.getString("exprs"), rs.getString("pred")));
			for (Index i : all) {
				if (all.stream().anyMatch(i::answeredBy)) {
					found.add(i.name());
				}
			}
			// (a) and its copies are answered by the unique (a, b); the unique (b) enforces what (b, c) cannot; the partial
			// (c) serves its predicate; (c, b) in mixed order is not (c desc, b) read either way
			assertThat(found).containsExactlyInAnyOrder("redundancy_probe_a", "redundancy_probe_a_not_null", "redundancy_probe_a_desc");
		} finally {
			jdbc.execute("drop table redundancy_probe");
		}
	}

	private static List<Integer> numbers(String vector) {
		return vector == null || vector.isBlank() ? List.of() : Arrays.stream(vector.trim().split(" ")).map(Integer::valueOf).toList();
	}
}
