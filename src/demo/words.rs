//! Word pools for the demo book, in Chinese and English.

pub const CITIES_ZH: &[&str] = &[
    "北京", "上海", "广州", "深圳", "苏州", "杭州", "成都", "武汉", "南京", "天津", "重庆", "西安", "宁波", "青岛",
    "厦门", "长沙", "郑州", "合肥", "佛山", "东莞",
];
pub const BRANDS_ZH: &[&str] = &[
    "恒达", "华信", "长城", "中科", "新锐", "宏远", "金盛", "天成", "博远", "瑞丰", "海川", "鼎新", "安泰", "联创",
    "汇通", "明德", "正泰", "永安", "嘉禾", "卓越", "启明", "远景", "银河", "神州", "东方", "腾飞", "凯达", "德润",
    "盛世", "祥云",
];
pub const INDUSTRIES: &[(&str, &str)] = &[
    ("精密机械", "Precision Machinery"),
    ("电子元件", "Electronic Components"),
    ("物流", "Logistics"),
    ("医疗器械", "Medical Devices"),
    ("化工", "Chemicals"),
    ("软件", "Software"),
    ("食品", "Food"),
    ("建材", "Building Materials"),
    ("汽车零部件", "Auto Parts"),
    ("新能源", "New Energy"),
    ("纺织", "Textiles"),
    ("包装", "Packaging"),
];
pub const SUFFIX_ZH: &[&str] = &["有限公司", "股份有限公司", "集团有限公司", "科技有限公司"];
pub const BRANDS_EN: &[&str] = &[
    "Northwind",
    "Bluepeak",
    "Harbor",
    "Ironwood",
    "Silverline",
    "Redstone",
    "Summit",
    "Everbright",
    "Oakridge",
    "Brightwater",
    "Atlas",
    "Crescent",
    "Granite",
    "Pioneer",
    "Meridian",
    "Keystone",
];
pub const SUFFIX_EN: &[&str] = &["Ltd", "Inc.", "GmbH", "Co., Ltd.", "Group"];
pub const CITIES_EN: &[&str] = &[
    "Hong Kong",
    "Singapore",
    "Munich",
    "Chicago",
    "Osaka",
    "Rotterdam",
    "Manchester",
    "Lyon",
];

pub const SURNAMES_ZH: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗",
    "高", "欧阳", "司马",
];
pub const GIVEN_ZH: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英",
    "建国", "志强", "海燕", "晓东", "文博", "子涵",
];
pub const FIRST_EN: &[&str] = &[
    "Anna", "Ben", "Clara", "David", "Emma", "Frank", "Grace", "Henry", "Iris", "Jack", "Karen", "Liam", "Mia", "Noah",
];
pub const LAST_EN: &[&str] = &[
    "Smith", "Müller", "Johnson", "Brown", "Tanaka", "Garcia", "Wilson", "Schmidt", "Taylor", "Dubois", "Clark",
];

pub const TITLES: &[(&str, &str)] = &[
    ("总经理", "General Manager"),
    ("采购经理", "Purchasing Manager"),
    ("技术总监", "Technical Director"),
    ("生产主管", "Production Supervisor"),
    ("财务总监", "CFO"),
    ("项目经理", "Project Manager"),
    ("副总裁", "Vice President"),
    ("工程师", "Engineer"),
];
pub const DEPARTMENTS: &[(&str, &str)] = &[
    ("总经办", "Executive Office"),
    ("采购部", "Purchasing"),
    ("技术部", "Engineering"),
    ("生产部", "Production"),
    ("财务部", "Finance"),
    ("项目部", "Projects"),
];
pub const PERSONALITY: &[(&str, &str)] = &[
    ("做事果断，重视数据", "Decisive, wants data"),
    ("谨慎稳重，不喜欢冒险", "Careful, dislikes risk"),
    ("热情健谈，重感情", "Warm and talkative, values loyalty"),
    ("注重细节，追求完美", "Detail-oriented perfectionist"),
    ("强势，喜欢掌控局面", "Dominant, likes control"),
];
pub const INTERESTS: &[(&str, &str)] = &[
    ("高尔夫、茶道", "Golf, tea"),
    ("钓鱼", "Fishing"),
    ("马拉松", "Marathons"),
    ("书法、收藏", "Calligraphy, collecting"),
    ("足球", "Football"),
    ("摄影、旅行", "Photography, travel"),
];
pub const EDUCATION: &[(&str, &str)] = &[
    ("清华大学 机械工程硕士", "MSc Mechanical Engineering"),
    ("复旦大学 MBA", "MBA"),
    ("本科 工商管理", "BA Business Administration"),
    ("大专 电气自动化", "Diploma, Electrical Automation"),
];
pub const SALESPEOPLE: &[&str] = &["张伟", "李娜", "王芳", "Tom Becker", "陈静"];
pub const TAGS: &[&str] = &[
    "华东",
    "华南",
    "老客户",
    "大项目",
    "潜力",
    "展会",
    "export",
    "OEM",
    "渠道",
    "政府项目",
];
pub const COMPETITORS: &[&str] = &["西门子", "ABB", "施耐德", "汇川技术", "Bosch Rexroth", "台达", "欧姆龙"];
pub const LOST_REASONS: &[&str] = &[
    "价格战：竞品报价低15%，我方未及时调整",
    "关键人（采购经理）离职，新任与竞品关系密切",
    "Delivery delays in Q2 broke their trust",
    "客户业务转型，不再需要该产品线",
];
