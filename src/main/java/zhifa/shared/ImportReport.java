package zhifa.shared;

import java.util.List;

/**
 * What an Excel import did: how many rows were saved, and each rejected row with its number and the reasons in Chinese.
 * Good rows are kept; a bad row changes nothing. Kept in the user's session (stored in PostgreSQL) for the error
 * workbook download, so it is serializable.
 */
public record ImportReport(int created, List<RowError> errors) implements java.io.Serializable {

	public ImportReport {
		errors = List.copyOf(errors);
	}

	/** One rejected row: its row number in the sheet (header = 1), what identifies it, and why it was rejected. */
	public record RowError(int row, String name, String message) implements java.io.Serializable {
	}

	/** The rejected rows as a workbook the user can correct and import again. */
	public byte[] errorWorkbook() {
		return Excel.workbook("导入错误", List.of("行号", "名称", "错误原因"),
				errors.stream().map(e -> List.of(String.valueOf(e.row()), e.name() == null ? "" : e.name(), e.message())).toList());
	}
}
