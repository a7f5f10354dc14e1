"""Weights of the model in ``segment``: written by bench/split_train.py, do not edit.

Fitted on 27069 blocks (14417 open an article) of 179 pages dated 1-20 January 1998 in
layouts blank,indent,wrapped,print-breaks,flat,wrap-cells,header,furniture; L2 1.0.
"""

WEIGHTS = {
    "heading: cohesion": -7.125,
    "text: cohesion": -7.089,
    "heading: not article gap": -4.974,
    "heading: numbered": -4.932,
    "text: note": -4.37,
    "heading: flush left": 3.897,
    "heading: untitled article": 3.845,
    "heading: next byline": 3.66,
    "text: not article gap": -3.544,
    "text: local brief": 3.325,
    "heading: wider gap": 3.153,
    "text: flush left": -3.137,
    "heading: article gap": 3.132,
    "text: article gap": 3.113,
    "text: wider gap": 3.113,
    "heading: title odds": 2.885,
    "text: numbered": -2.868,
    "heading: next subtitle": 2.794,
    "heading: prev ends": 2.682,
    "heading: next dateline": -2.619,
    "heading: under a label": 2.439,
    "heading: no text yet": -2.348,
    "heading: over a dateline after text": 2.32,
    "heading: question heading": -2.245,
    "heading: just opened": -2.046,
    "text: untitled lede": 2.043,
    "text: untitled article": 2.04,
    "heading: prev byline": 2.017,
    "text: picture": 1.948,
    "text: next heading": -1.919,
    "heading: has subheads": -1.849,
    "heading: prev complete": 1.847,
    "text: opens": 1.682,
    "bias": -1.673,
    "text: para": -1.608,
    "text: prev ends": 1.608,
    "text: prev complete": 1.583,
    "heading: after dateline 2": 1.536,
    "heading: picture": 1.42,
    "heading: prev names": 1.389,
    "heading: next opens": 1.364,
    "text: reported": -1.333,
    "heading: covers": 1.281,
    "heading: echoes": -1.248,
    "text: after a caption": -1.239,
    "text: another dateline": -1.235,
    "heading: after figures": 1.203,
    "heading: list goes on": -1.133,
    "text: next dateline": 1.103,
    "text: list goes on": -1.092,
    "text: just opened": 1.03,
    "heading: names heading": -0.96,
    "text: over a dateline after text": 0.869,
    "text: under a label": -0.814,
    "text: dateline in article without": -0.797,
    "heading: next heading": 0.742,
    "heading: prev picture": 0.719,
    "text: dateline": -0.7,
    "heading: news article": 0.693,
    "text: prev credit": 0.685,
    "text: prev closing byline": -0.682,
    "text: long article": 0.657,
    "heading: long article": 0.65,
    "heading: prev heading": 0.598,
    "text: prev heading": -0.574,
    "heading: bylined article": -0.537,
    "heading: after a caption": -0.441,
    "text: news article": -0.391,
    "text: picture article": -0.379,
    "heading: short section": -0.377,
    "heading: long run": -0.373,
    "text: prev names": 0.328,
    "text: has subheads": -0.288,
    "heading: figures": -0.286,
    "text: no text yet": 0.282,
    "text: end of page": 0.254,
    "text: indented": -0.209,
    "text: lede": 0.14,
    "text: bylined article": -0.123,
    "heading: prev closing byline": -0.111,
    "text: next byline": 0.096,
    "heading: short heading": 0.075,
    "heading: heading": -0.065,
    "heading: end of page": -0.064,
    "heading: prev credit": -0.035,
    "heading: next names": -0.024,
    "heading: short over dateline": -0.011,
    "heading: picture article": 0.001,
    "heading: next mid-word": -0.0,
}

# The quick model: the same cues but the words.
QUICK = {
    "heading: not article gap": -5.572,
    "heading: untitled article": 4.797,
    "heading: flush left": 4.542,
    "text: note": -4.536,
    "text: not article gap": -4.349,
    "heading: numbered": -4.2,
    "heading: next byline": 3.952,
    "text: local brief": 3.726,
    "text: flush left": -3.688,
    "heading: wider gap": 3.319,
    "heading: article gap": 3.291,
    "heading: picture": 3.285,
    "text: article gap": 3.263,
    "text: wider gap": 3.263,
    "heading: next subtitle": 3.202,
    "heading: over a dateline after text": 2.983,
    "text: untitled article": 2.967,
    "text: numbered": -2.771,
    "text: para": -2.767,
    "heading: prev credit": 2.683,
    "heading: no text yet": -2.437,
    "heading: after dateline 2": 2.383,
    "heading: under a label": 2.348,
    "heading: list goes on": -2.241,
    "text: prev credit": 2.158,
    "text: picture": 2.124,
    "bias": -2.106,
    "heading: has subheads": -2.08,
    "heading: names heading": -1.996,
    "heading: prev complete": 1.908,
    "text: next heading": -1.672,
    "heading: prev byline": 1.601,
    "heading: question heading": -1.59,
    "text: prev complete": 1.529,
    "heading: prev names": 1.511,
    "heading: end of page": -1.455,
    "text: next dateline": 1.419,
    "heading: news article": 1.39,
    "heading: just opened": -1.277,
    "text: untitled lede": 1.24,
    "text: just opened": 1.2,
    "text: over a dateline after text": 1.187,
    "heading: figures": -1.173,
    "text: lede": 1.005,
    "text: under a label": -1.003,
    "text: list goes on": -1.001,
    "text: end of page": 0.952,
    "heading: after a caption": -0.918,
    "heading: long run": -0.777,
    "text: prev closing byline": -0.772,
    "heading: long article": 0.736,
    "heading: short heading": -0.695,
    "text: has subheads": -0.685,
    "heading: heading": 0.661,
    "text: news article": -0.658,
    "text: prev names": 0.652,
    "text: prev heading": -0.629,
    "heading: bylined article": -0.592,
    "heading: after figures": 0.561,
    "heading: next heading": 0.561,
    "heading: prev closing byline": -0.514,
    "text: picture article": -0.509,
    "text: after a caption": 0.488,
    "heading: prev heading": 0.476,
    "text: long article": 0.413,
    "text: bylined article": 0.38,
    "text: reported": -0.351,
    "text: no text yet": 0.302,
    "text: dateline": 0.3,
    "heading: next dateline": -0.297,
    "heading: short section": -0.242,
    "text: indented": -0.23,
    "heading: picture article": -0.216,
    "heading: prev picture": 0.187,
    "heading: short over dateline": -0.175,
    "text: next byline": 0.052,
    "text: another dateline": -0.05,
    "heading: next names": -0.033,
    "text: dateline in article without": -0.001,
    "heading: next mid-word": -0.0,
}

# The characters of the most articles (left out of cohesion).
COMMON = frozenset(
    "的一在国中日和大为了人有年新上是月本者出发行成以会地家来这个报作全到不进前记对时"
    "部多开社生要长于主经等同电分民方重高工下现华动过天后市实加面理自力关与展业们政道"
    "建得北合用定公他将目从就其外今体之总提我内也员说各明好平事表能区次已位度起十入心"
    "务化而最去当使机并利据由场正还通三问特制向可及立近所强两产京小此着名里都间种期第"
    "学万系法设活共文点达代题意基取些持情结任解济元统如领金应子委门组导举保程决世张改"
    "二量性步因水交资界相先计调更广局东别受联把但安放然西美无深管增际指认办省式五首讯"
    "南至比原形品求项少图给集信处院风接手议治看数件科示收推又海府片路积常物极只级四造"
    "规干几果续样施义参见流难被术支观战传格变"
)

# The two-character strings of the most articles, one after another (words a
# print layout may cut in two).
_PAIRS = (
    "记者本报日电中国国家新华一个华社发展工作北京经济的一进行问题全国人民社会政府报道"
    "今天第一建设我们他们重要去年同时市场世界目前我国一些企业了一地区方面没有领导图片"
    "这一提高大的部门通过公司组织中央有关年来是一国际积极改革主要新的活动自己年的这些"
    "成为国的加强管理生产一步这是要求开始情况作为生活出了报讯研究认为的发会议人员的重"
    "精神关系技术这个举行实现水平中的一年特别一次努力历史可以解决进一提供基础的大的人"
    "上的建立代表到了表示就是部分提出作用服务在这取得参加业的人们以及群众人的们的许多"
    "需要以来由于国人来的其中主义今年基本文化有一这样影响的是据新必须有的行的委员时间"
    "的新不断出的政治已经的经会主继续美国指出单位合作展的政策希望好的这种全面干部具有"
    "国务成了工程家的作的支持联合条件发生稳定现在重点决定计划得到同志附图不能国内的基"
    "一种主席措施十五中心开展行了促进科技形成现代共同投资实际要的出现的主进入第二采取"
    "广大在一科学部长为了坚持环境项目增加以上事业面的增长过去经过世纪一定的中不是实施"
    "任务达到己的地方务院不仅起来区的报记发挥总理产品十分社北各种思想的情教育保持的问"
    "现了资金开放两个也是介绍的生定的能力重视会上日前万元个人作出正在的同什么经营的时"
    "都是了解结构城市制度实行系统受到的国的关的工完成根据是在结合而且可能因此民的新闻"
    "其他开发书记别是日讯利用和国报北包括集团负责最大得了目标国有各地成功党的只有长期"
    "调整民族传统形式不同社记的成一位看到重大职工强调这里规模多的还有主任困难创造先进"
    "在全目的获得讯记成的质量日在最近学习分别他说充分不可战略认识方式责任农民如果良好"
    "会的深入的作天在的地因为化的农村召开几年金融副主严重成立产业推动员会领域新年农业"
    "理论统一五大产生电记如何保证一起安全自然之间是我样的首先帮助的高原因所有根本也不"
    "心的济发明显立了发现体制全部时期期间过程第三高度上海近年投入机制不少解放的精系列"
    "认真工业有效专家济的但是意义的事生的内容落实的方一批信息在中经验大力的实在北收入"
    "性的文明贡献联系成果的第存在机关推进关部造成持续者的优势还是设的规定亿元加了间的"
    "健康年代机构之一保护各级场经引起改善关于组成艺术分析制定按照大会最后行为力量直接"
    "发表参与泽民结束的不大量的原的各江泽的历阶段劳动美元这次力的有限为主一条扩大的全"
    "增强效益当地一项大学银行资源了这正式国政对于集中在国宣传里的接受电视形势实践的优"
    "后的起了加快结果多年表现反映国民和平行动突破出来处理真正才能在新的有的领副总的政"
    "有了综合地位现象高的统计准备应该调查量的原则外交和发竞争来了动的变化业和然而中共"
    "日本他的具体带来下午欢迎每年成绩品的宣布总统甚至使用下的来自小平础上更加的最利益"
    "前的先后之后是中代化关键革开二十为一任何完全指导为中整个标准长的行业地的个月连续"
    "当前的十一直巨大委会香港办公加大天的的文访问的心的合双方意见力度到的年底几个严格"
    "优秀行政邓小内外大家能够的社万人很大减少的建及时自治方针改变时代知识多种多人程中"
    "程度而是学生体系报告各项进步家庭的意贯彻一大办法度的出版人才在我场的理的转变作者"
    "比较虽然并不青年的目国国特色中华感到一天状况两国财政元的也有另一有人一月面临众的"
    "的思来到监督随着制的人士一是到一年前商业方法和人关注务的的形尤其题的一系明确丰富"
    "门的大型在此举办一部只要民主们在合理适应表明更多价值价格完善的现交流在的一家了大"
    "最高部的等方逐步定了和经一点一样所以二是非常尽管有利意识素质的信人口十年面对探索"
    "出一的改和中不会作品平均迅速界的时候学的的小注意从而贫困和社会见基层体现建成突出"
    "成员两年基金深化为人观念多万革命部队图为国外学院广泛交通多个令人的要商品恢复的行"
    "关心超过是不重新员的难以的进党和队伍学校一切进了资产的这有些专业是由国各合国办的"
    "三个规范常委设备公里左右范围开拓未来今后供了者王进程不久执行局面控制业务来越越来"
    "相互一方正是都有来说共中确定发出首都出席著名系的做好已有河北上了电话而不义的去的"
    "多名天下内的普遍的自平的速度近日因素居民的特消费趋势十一导人面积检查的影对此反对"
    "给予如此生命形象较大的指开了道路大精人大同的实的用于相当方向不到始终拥有标志为此"
    "现实纷纷在京培养集体产的的前协调的美切实重的安排需求统的岁的成一运动的老选择快速"
    "的结经常的产信心顺利维护了新坚决况下京市委书地说机会大部万多的战应当贸易界上体的"
    "府的是对作了医院的外国经对外走向党中艰苦展和上午者刘党委推出有所还要特点整体限公"
    "处于罗斯进展进的得的是国只是下降院副比赛的资汽车了中平理各国相信有企的好市政的水"
    "为我的市针对再次更好奋斗下了建议色的终于作会放在特殊的决的比对中的支此间公安除了"
    "友好朋友由中运行式的争取展开利于态度那么中有及其一般了全培训专门法律英国广东成就"
    "全体正确国在危机市委市的工的自身了我亿美只能选举如今是要热情出口知道家和伟大的总"
)
COMMON_PAIRS = frozenset(_PAIRS[i : i + 2] for i in range(0, len(_PAIRS), 2))
