package zhifa.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatutoryFinesTest {

	@Test
	void theLowestFixedLowerBoundIsTheFloor() {
		// 食品安全法第一百二十二条: fixed ranges and a multiple of the value for larger values; the value's 一万元 is the tiers'
		// condition, not a fine (it was read as a floor of 10,000, and a fine of 20,000 passed as no reduction)
		assertThat(StatutoryFines.floorYuan("违法生产经营的食品、食品添加剂货值金额不足一万元的，并处五万元以上十万元以下罚款；货值金额一万元以上的，"
				+ "并处货值金额十倍以上二十倍以下罚款。")).contains(50_000L);
		assertThat(StatutoryFines.floorYuan("违法所得不足五千元的，处一万元以上五万元以下罚款；违法所得五千元以上二万元以下的，处五万元以上十万元以下罚款"))
			.contains(10_000L);
		// "……以下的罚款" is a fine, not a condition
		assertThat(StatutoryFines.floorYuan("处二千元以上二万元以下的罚款")).contains(2_000L);
		assertThat(StatutoryFines.floorYuan("对个人处二千元以上二万元以下的罚款，对单位处二万元以上二十万元以下的罚款")).contains(2_000L);
		assertThat(StatutoryFines.floorYuan("处一万元以上的罚款")).contains(10_000L);
		assertThat(StatutoryFines.floorYuan("处五千元以上一万元以下的罚款；情节严重的，处一万元以上五万元以下罚款")).contains(5_000L);
		assertThat(StatutoryFines.floorYuan("没收违法所得，并处违法所得一倍以上五倍以下罚款；没有违法所得或者违法所得不足一万元的，并处五千元以上五万元以下罚款"))
			.contains(5_000L);
		assertThat(StatutoryFines.floorYuan("责令改正，给予警告；拒不改正的，处二千元以上二万元以下罚款")).contains(2_000L);
		assertThat(StatutoryFines.floorYuan("处5000元以上5万元以下罚款")).contains(5_000L);
		assertThat(StatutoryFines.floorYuan("处一万元以上罚款")).contains(10_000L);
	}

	@Test
	void noFloorWhereTheTextDoesNotPlainlyGiveOne() {
		assertThat(StatutoryFines.floorYuan("情节较轻的，处五千元以下罚款；情节严重的，处五万元以上十万元以下罚款")).isEmpty();
		assertThat(StatutoryFines.floorYuan("可以并处警告、罚款")).isEmpty();
		assertThat(StatutoryFines.floorYuan("处违法所得一倍以上三倍以下的罚款")).isEmpty();
		assertThat(StatutoryFines.floorYuan("吊销许可证")).isEmpty();
	}

	@Test
	void theHighestUpperBoundIsTheCeiling() {
		assertThat(StatutoryFines.ceilingYuan("情节较轻的，处五千元以下罚款；情节严重的，处五万元以上十万元以下罚款")).contains(100_000L);
		assertThat(StatutoryFines.ceilingYuan("责令改正，给予警告；拒不改正的，处二千元以上二万元以下罚款")).contains(20_000L);
		assertThat(StatutoryFines.ceilingYuan("处5000元以上5万元以下罚款")).contains(50_000L);
		assertThat(StatutoryFines.ceilingYuan("处二百元以下罚款")).contains(200L);
	}

	@Test
	void noCeilingWhereTheTextDoesNotPlainlyGiveOne() {
		// multiples, an open floor, a fixed amount or a condition in yuan, no amount at all
		assertThat(StatutoryFines.ceilingYuan("货值金额不足一万元的，并处五万元以上十万元以下罚款；货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款。")).isEmpty();
		assertThat(StatutoryFines.ceilingYuan("处一万元以上罚款")).isEmpty();
		assertThat(StatutoryFines.ceilingYuan("违法所得不足五千元的，处一万元罚款；违法所得五千元以下的，处二千元以下罚款")).isEmpty();
		assertThat(StatutoryFines.ceilingYuan("责令其停止违法行为，限期清理、拆除或者采取其他补救措施，并可处以罚款")).isEmpty();
		assertThat(StatutoryFines.ceilingYuan("吊销许可证")).isEmpty();
	}

	@Test
	void amountsInChineseNumerals() {
		assertThat(StatutoryFines.yuan("五万")).isEqualTo(50_000L);
		assertThat(StatutoryFines.yuan("一万五千")).isEqualTo(15_000L);
		assertThat(StatutoryFines.yuan("十万")).isEqualTo(100_000L);
		assertThat(StatutoryFines.yuan("二百")).isEqualTo(200L);
		assertThat(StatutoryFines.yuan("200")).isEqualTo(200L);
		assertThat(StatutoryFines.yuan("1.5万")).isEqualTo(15_000L);
	}
}
