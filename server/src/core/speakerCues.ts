// Words that introduce a quoted person: a line holding one (…研究员甘绍华认为, 副院长雷澄宇介绍, 司长尹若 /
// 川表示) is the start of what someone said, not a heading. Read by the outline's pairing and by the layout.

/** Words that introduce a quoted expert (…研究员甘绍华认为, 副院长雷澄宇介绍). */
export const SPEAKER_CUE = /(表示|认为|指出|介绍|说|坦言|提醒|建议|分析|告诉|研究员|教授|院长|主任|所长|局长|处长|司长|部长|专家|负责人|书记|经理|董事长|记者)/;
