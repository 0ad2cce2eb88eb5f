package zhifa.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reading and writing the simple one-sheet .xlsx tables used for import, export and error reports. */
public final class Excel {

	/** Most data rows read from one upload. */
	public static final int MAX_ROWS = 5000;

	private Excel() {
	}

	/** All rows of the first sheet as text (the header row included), each with {@code columns} cells. */
	public static List<List<String>> read(InputStream in, int columns) {
		try (Workbook wb = WorkbookFactory.create(in)) {
			Sheet sheet = wb.getSheetAt(0);
			if (sheet.getLastRowNum() > MAX_ROWS) {
				throw new BusinessRuleViolation("一次最多导入" + MAX_ROWS + "行");
			}
			DataFormatter fmt = new DataFormatter();
			List<List<String>> rows = new ArrayList<>();
			for (int i = 0; i <= sheet.getLastRowNum(); i++) {
				Row row = sheet.getRow(i);
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < columns; c++) {
					Cell cell = row == null ? null : row.getCell(c);
					cells.add(cell == null ? "" : fmt.formatCellValue(cell).strip());
				}
				rows.add(cells);
			}
			return rows;
		}
		catch (BusinessRuleViolation e) {
			throw e;
		}
		catch (IOException | RuntimeException e) {
			throw new BusinessRuleViolation("无法读取文件，请上传 .xlsx 格式的 Excel 文件");
		}
	}

	/** One sheet of a workbook: its name, header row and data rows. */
	public record SheetData(String name, List<String> headers, List<List<String>> rows) {
	}

	public static byte[] workbook(String sheetName, List<String> headers, List<List<String>> rows) {
		return workbook(List.of(new SheetData(sheetName, headers, rows)));
	}

	public static byte[] workbook(List<SheetData> sheets) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = wb.createCellStyle();
			Font font = wb.createFont();
			font.setBold(true);
			bold.setFont(font);
			for (SheetData data : sheets) {
				Sheet sheet = wb.createSheet(data.name());
				Row head = sheet.createRow(0);
				for (int i = 0; i < data.headers().size(); i++) {
					Cell c = head.createCell(i);
					c.setCellValue(data.headers().get(i));
					c.setCellStyle(bold);
					sheet.setColumnWidth(i, 20 * 256);
				}
				for (int r = 0; r < data.rows().size(); r++) {
					Row row = sheet.createRow(r + 1);
					for (int i = 0; i < data.rows().get(r).size(); i++) {
						row.createCell(i).setCellValue(data.rows().get(r).get(i));
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** "是" → true, "否" or empty → false, anything else is a problem added to the list. */
	public static boolean yes(String text, String column, List<String> problems) {
		if (text.isBlank() || text.equals("否")) {
			return false;
		}
		if (text.equals("是")) {
			return true;
		}
		problems.add(column + "应填“是”或“否”");
		return false;
	}
}
