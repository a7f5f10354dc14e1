"""Weights of the model in ``segment``: written by bench/split_train.py, do not edit.

Fitted on 27111 blocks (14418 open an article) of 179 pages dated 1-20 January 1998 in
layouts blank,indent,wrapped,print-breaks,flat,wrap-cells,header,furniture; L2 1.0.
"""

WEIGHTS = {
    "heading: cohesion": -8.013,
    "text: cohesion": -6.654,
    "heading: not article gap": -5.132,
    "heading: numbered": -4.692,
    "heading: flush left": 4.617,
    "text: note": -4.511,
    "text: not article gap": -3.9,
    "heading: untitled article": 3.667,
    "text: flush left": -3.556,
    "heading: next byline": 3.5,
    "text: local brief": 3.364,
    "text: article gap": 3.265,
    "text: wider gap": 3.265,
    "heading: wider gap": 3.199,
    "heading: article gap": 3.101,
    "heading: next subtitle": 3.015,
    "text: untitled article": 2.732,
    "text: numbered": -2.721,
    "heading: under a label": 2.656,
    "heading: over a dateline after text": 2.589,
    "text: picture": 2.404,
    "heading: picture": 2.319,
    "heading: no text yet": -2.307,
    "heading: prev ends": 2.12,
    "text: para": -2.112,
    "heading: has subheads": -2.0,
    "heading: question heading": -1.98,
    "text: next heading": -1.926,
    "heading: after dateline 2": 1.913,
    "text: untitled lede": 1.779,
    "heading: prev complete": 1.771,
    "heading: prev byline": 1.759,
    "heading: just opened": -1.74,
    "bias": -1.589,
    "heading: title odds": 1.545,
    "heading: next dateline": -1.515,
    "heading: covers": 1.507,
    "text: prev credit": 1.427,
    "heading: names heading": -1.415,
    "heading: list goes on": -1.378,
    "text: prev complete": 1.36,
    "heading: echoes": -1.346,
    "heading: prev names": 1.339,
    "heading: figures": -1.249,
    "text: next dateline": 1.152,
    "text: prev ends": 1.138,
    "heading: after figures": 1.112,
    "heading: news article": 0.972,
    "text: list goes on": -0.926,
    "heading: prev credit": 0.924,
    "text: just opened": 0.913,
    "text: over a dateline after text": 0.883,
    "text: prev closing byline": -0.831,
    "text: under a label": -0.76,
    "heading: long article": 0.731,
    "heading: next opens": 0.729,
    "heading: bylined article": -0.7,
    "text: reported": -0.691,
    "heading: next heading": 0.682,
    "text: end of page": 0.661,
    "text: prev names": 0.65,
    "text: lede": 0.599,
    "text: opens": 0.576,
    "heading: heading": 0.523,
    "heading: prev heading": 0.506,
    "text: prev heading": -0.502,
    "text: after a caption": -0.486,
    "heading: long run": -0.465,
    "text: news article": -0.453,
    "heading: end of page": -0.429,
    "heading: prev closing byline": -0.418,
    "text: picture article": -0.41,
    "text: has subheads": -0.352,
    "heading: after a caption": -0.336,
    "heading: prev picture": 0.329,
    "text: long article": 0.319,
    "heading: short section": -0.304,
    "text: dateline": 0.26,
    "text: another dateline": -0.256,
    "text: bylined article": 0.251,
    "text: no text yet": 0.23,
    "text: dateline in article without": -0.175,
    "heading: picture article": -0.173,
    "text: indented": -0.168,
    "heading: short over dateline": -0.124,
    "text: next byline": 0.11,
    "heading: short heading": -0.078,
    "heading: next names": -0.021,
    "heading: next mid-word": -0.0,
}

# The quick model: the same cues but the words.
QUICK = {
    "heading: not article gap": -5.582,
    "heading: untitled article": 4.777,
    "heading: flush left": 4.539,
    "text: note": -4.536,
    "text: not article gap": -4.349,
    "heading: numbered": -4.2,
    "heading: next byline": 3.96,
    "text: local brief": 3.726,
    "text: flush left": -3.689,
    "heading: wider gap": 3.333,
    "heading: article gap": 3.301,
    "heading: picture": 3.288,
    "text: article gap": 3.263,
    "text: wider gap": 3.263,
    "heading: next subtitle": 3.234,
    "heading: over a dateline after text": 2.985,
    "text: untitled article": 2.967,
    "text: numbered": -2.771,
    "text: para": -2.768,
    "heading: prev credit": 2.682,
    "heading: no text yet": -2.434,
    "heading: after dateline 2": 2.388,
    "heading: under a label": 2.356,
    "heading: list goes on": -2.239,
    "text: prev credit": 2.158,
    "text: picture": 2.124,
    "bias": -2.105,
    "heading: has subheads": -2.082,
    "heading: names heading": -2.044,
    "heading: prev complete": 1.906,
    "text: next heading": -1.672,
    "heading: prev byline": 1.596,
    "heading: question heading": -1.592,
    "text: prev complete": 1.529,
    "heading: prev names": 1.496,
    "heading: end of page": -1.456,
    "text: next dateline": 1.419,
    "heading: news article": 1.384,
    "heading: just opened": -1.267,
    "text: untitled lede": 1.24,
    "text: just opened": 1.2,
    "text: over a dateline after text": 1.187,
    "heading: figures": -1.165,
    "text: lede": 1.005,
    "text: under a label": -1.003,
    "text: list goes on": -1.001,
    "text: end of page": 0.952,
    "heading: after a caption": -0.912,
    "heading: long run": -0.778,
    "text: prev closing byline": -0.772,
    "heading: long article": 0.736,
    "heading: short heading": -0.689,
    "text: has subheads": -0.685,
    "heading: heading": 0.662,
    "text: news article": -0.658,
    "text: prev names": 0.652,
    "text: prev heading": -0.629,
    "heading: bylined article": -0.597,
    "heading: after figures": 0.564,
    "heading: next heading": 0.556,
    "heading: prev closing byline": -0.516,
    "text: picture article": -0.509,
    "text: after a caption": 0.488,
    "heading: prev heading": 0.45,
    "text: long article": 0.413,
    "text: bylined article": 0.38,
    "text: reported": -0.351,
    "text: no text yet": 0.302,
    "text: dateline": 0.3,
    "heading: next dateline": -0.293,
    "text: indented": -0.23,
    "heading: short section": -0.229,
    "heading: picture article": -0.222,
    "heading: prev picture": 0.18,
    "heading: short over dateline": -0.174,
    "text: next byline": 0.052,
    "text: another dateline": -0.05,
    "heading: next names": -0.033,
    "text: dateline in article without": -0.001,
    "heading: next mid-word": -0.0,
}

# The characters of the most articles (left out of cohesion).
COMMON = frozenset(
    "的一在国中日和大为了人有年新上是月本者出行发成以会地家来这个报作全到不进前记对时"
    "部多开社生要长于主经等同电分民方重高工下现华动过天后市实加面理自力关与展业们政道"
    "建得北合用定公他将目从就其外今体之总提我内也说员各明好平事表能区次已位度起十入心"
    "务化而最去当使机并利据由场正还通问三特制向可及立近所强两产京小此着名里都间种期第"
    "学万系法设活文共点达代意题基取些持结情任解济元统如领应金子委导门组保举程决世张改"
    "二量性步因水交资相界先计调更广局东别受联把安但放然西美无深管增际指认办省式五首讯"
    "南至比原形品求项少图给集信处院风接手议治看数件科示收推又海府积路片常物极只级四造"
    "干规几果续样施义参见流难被术支观战传格变"
)

# The two-character strings of the most articles, one after another (words a
# print layout may cut in two).
_PAIRS = (
    "记者本报日电中国国家一个新华华社发展工作北京经济的一进行问题全国人民社会政府报道"
    "今天第一建设我们他们重要去年同时市场世界目前我国一些企业了一地区方面没有领导图片"
    "这一提高大的部门通过公司组织中央有关年来是一国际改革积极主要活动新的自己年的这些"
    "成为国的加强管理生产一步这是要求开始情况作为生活出了报讯研究认为的发会议人员的重"
    "精神关系技术这个举行实现水平中的一年特别一次历史努力可以解决进一提供基础的大的人"
    "上的代表建立到了表示就是部分提出作用服务参加在这取得业的人们以及群众人的们的许多"
    "需要以来由于国人来的其中主义今年文化基本有一这样影响的是据新必须有的行的委员时间"
    "的新不断政治出的已经的经继续会主美国指出单位合作政策希望展的好的这种全面干部具有"
    "国务成了工程家的作的支持联合条件发生稳定现在重点决定计划同志得到附图不能国内的基"
    "一种主席措施十五中心开展行了科技促进形成共同现代投资实际要的出现的主进入第二采取"
    "广大在一科学部长为了坚持环境项目增加以上事业增长面的过去经过一定世纪的中不是实施"
    "任务达到己的地方务院不仅起来区的报记发挥总理产品十分社北思想各种的情教育保持的问"
    "现了资金开放两个也是介绍的生定的重视能力会上日前万元个人作出正在的同什么经营的时"
    "了解都是结构城市制度系统实行受到的国的关的工完成根据是在结合而且可能因此民的新闻"
    "其他开发书记别是日讯利用和国报北包括集团负责最大目标得了国有各地成功党的只有长期"
    "调整民族形式传统不同社记的成一位看到职工重大强调这里规模多的还有主任困难创造先进"
    "在全目的获得讯记成的质量日在最近学习分别他说充分不可战略认识方式责任农民如果良好"
    "会的的作深入天在的地因为化的农村召开几年金融副主严重成立产业推动员会领域农业理论"
    "统一新年五大产生电记如何保证一起安全自然之间样的是我首先帮助的高原因所有根本也不"
    "心的济发明显立了发现体制全部时期期间过程第三高度上海近年投入机制解放不少的精系列"
    "认真工业有效专家济的但是意义的事生的内容落实的方一批信息在中经验的实大力在北收入"
    "性的贡献联系文明成果的第存在机关推进关部持续造成者的优势还是设的规定亿元加了间的"
    "健康年代机构之一保护各级场经引起改善关于组成艺术分析制定大会按照最后行为直接发表"
    "力量泽民参与结束的不大量江泽的原的各阶段的历劳动美元这次力的有限为主一条扩大的全"
    "增强效益当地一项大学银行资源了这正式对于国政在国集中宣传里的接受电视的优形势实践"
    "起了后的加快结果多年表现反映行动和平国民突破出来处理在新才能真正的有的领副总的政"
    "有了综合地位现象高的统计准备应该调查量的外交原则竞争和发动的来了变化业和然而日本"
    "中共他的具体带来下午欢迎每年成绩品的宣布总统甚至使用下的来自小平础上更加的最利益"
    "前的先后之后是中代化关键革开二十为一任何完全指导为中整个标准长的行业地的个月连续"
    "的十当前一直巨大委会香港办公加大天的的文访问的心的合双方意见力度到的几个年底严格"
    "优秀大家能够行政邓小内外万人的社很大减少的建及时自治改变时代方针知识多种多人程中"
    "程度而是学生体系报告各项家庭进步贯彻的意一大办法度的出版人才在我场的理的转变作者"
    "比较虽然并不青年国国特色的目中华一天感到状况两国财政元的也有另一有人一月面临的思"
    "众的来到监督随着制的人士一是到一年前商业方法关注和人务的的形尤其题的一系明确丰富"
    "门的大型在此举办只要合理民主一部们在适应表明更多价值价格完善的现交流在的一家了大"
    "最高部的等方逐步定了和经一点一样所以二是非常尽管有利意识素质的信人口十年面对探索"
    "出一的改不会和中作品平均迅速界的学的时候的小注意从而贫困和社会见基层体现建成突出"
    "成员两年基金深化观念为人多万革命部队图为国外学院广泛交通多个令人的要商品的行恢复"
    "关心超过是不重新员的难以的进党和队伍学校一切进了资产的这有些专业是由合国国各办的"
    "三个规范常委设备公里左右范围开拓未来供了今后者王进程不久执行局面控制业务越来来越"
    "相互一方正是共中确定发出都有来说著名出席首都系的做好已有河北上了电话义的而不去的"
    "多名天下内的普遍平的的自速度近日因素居民的特消费十一趋势导人检查面积的影对此反对"
    "给予如此生命形象较大开了道路的指大精人大同的实的用于相当方向始终拥有标志不到为此"
    "现实纷纷在京培养集体产的的前的美协调切实重的安排需求统的岁的成一运动的老选择快速"
    "的结经常的产信心维护顺利了新坚决况下京市委书机会地说大部万多的战应当贸易界上体的"
    "府的是对作了医院对外国经走向的外党中艰苦展和上午者刘党委推出有所还要特点整体限公"
    "处于得的进展进的罗斯是国只是下降院副比赛的资汽车了中各国相信平理有企的好市政的水"
    "为我的市针对再次下了更好奋斗建议终于色的作会放在特殊的决的比的支对中此间公安除了"
    "朋友友好由中式的运行争取展开利于态度那么中有及其一般了全培训专门法律英国广东全体"
    "成就危机国在正确市委市的工的自身了我亿美只能选举如今是要热情出口知道伟大家和的总"
)
COMMON_PAIRS = frozenset(_PAIRS[i : i + 2] for i in range(0, len(_PAIRS), 2))
