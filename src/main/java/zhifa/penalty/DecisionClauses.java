package zhifa.penalty;

/**
 * The clauses a penalty decision rests on, cited as its decision document cites them (the benchmark's 款 and 项 where
 * the proposal was assessed by one, else the matter's catalogue entry; laws by full title): for the published version.
 */
public interface DecisionClauses {

	/** 违反《…》第X条的规定，依据《…》第Y条的规定 — the violated and the punishing clause. */
	String basis(PenaltyCase c);
}
