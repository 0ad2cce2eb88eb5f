package zhifa.casework;

import java.util.List;

/**
 * What a kind of case adds to its file index (案卷目录) beyond the generated documents, the evidence and the
 * transcripts: for a penalty case the 法制审核 opinions, the 集体讨论 minutes and the payment receipts. Declared here,
 * implemented by the kinds; a case of another kind gets an empty list.
 */
public interface CaseFileItems {

	/** The entries for the case, in procedural order, each a line of the index. */
	List<String> items(long caseId);
}
