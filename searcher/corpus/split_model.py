"""Weights of the model in ``segment``: written by bench/split_train.py, do not edit.

Fitted on 27277 blocks (14415 open an article) of 179 pages dated 1-20 January 1998 in
layouts blank,indent,wrapped,print-breaks,flat,wrap-cells,header,furniture; L2 1.0.
"""

WEIGHTS = {
    "heading: cohesion": -7.264,
    "text: cohesion": -7.255,
    "heading: not article gap": -4.98,
    "text: note": -4.368,
    "heading: flush left": 4.025,
    "heading: next byline": 3.621,
    "text: not article gap": -3.593,
    "text: local brief": 3.3,
    "text: flush left": -3.201,
    "heading: wider gap": 3.182,
    "heading: article gap": 3.129,
    "heading: next subtitle": 3.098,
    "text: numbered": -3.073,
    "text: article gap": 3.019,
    "text: wider gap": 3.019,
    "heading: title odds": 2.927,
    "heading: prev ends": 2.843,
    "heading: untitled article": 2.751,
    "heading: next dateline": -2.617,
    "heading: under a label": 2.46,
    "heading: numbered": -2.391,
    "heading: over a dateline after text": 2.37,
    "heading: list goes on": -2.249,
    "heading: question heading": -2.184,
    "heading: no text yet": -2.179,
    "heading: prev complete": 2.069,
    "text: untitled lede": 2.064,
    "heading: prev byline": 2.035,
    "text: untitled article": 2.016,
    "heading: just opened": -1.907,
    "text: picture": 1.862,
    "heading: after dateline 2": 1.783,
    "bias": -1.78,
    "heading: has subheads": -1.772,
    "text: opens": 1.59,
    "heading: prev names": 1.554,
    "text: prev complete": 1.532,
    "text: para": -1.53,
    "text: prev ends": 1.497,
    "heading: echoes": -1.335,
    "text: reported": -1.285,
    "heading: covers": 1.284,
    "heading: picture": 1.269,
    "text: another dateline": -1.205,
    "heading: next opens": 1.201,
    "text: after a caption": -1.187,
    "text: next dateline": 1.093,
    "text: next heading": -1.08,
    "text: just opened": 1.035,
    "heading: names heading": -1.008,
    "text: list goes on": -1.004,
    "text: prev credit": 0.952,
    "heading: news article": 0.883,
    "text: over a dateline after text": 0.854,
    "text: under a label": -0.804,
    "heading: prev heading": 0.802,
    "heading: after figures": 0.725,
    "text: dateline in article without": -0.703,
    "text: prev closing byline": -0.684,
    "text: long article": 0.635,
    "text: dateline": -0.624,
    "heading: prev picture": 0.602,
    "heading: long article": 0.558,
    "text: prev heading": -0.547,
    "heading: next heading": 0.524,
    "text: has subheads": -0.514,
    "text: prev names": 0.509,
    "heading: bylined article": -0.488,
    "heading: figures": -0.431,
    "text: picture article": -0.387,
    "heading: short section": -0.372,
    "text: no text yet": 0.314,
    "heading: prev credit": -0.31,
    "heading: long run": -0.3,
    "text: end of page": 0.297,
    "heading: heading": -0.25,
    "text: indented": -0.25,
    "text: news article": -0.243,
    "heading: after a caption": 0.172,
    "text: lede": 0.172,
    "text: bylined article": -0.112,
    "text: next byline": 0.106,
    "heading: short heading": 0.076,
    "heading: end of page": -0.073,
    "heading: next names": -0.032,
    "heading: prev closing byline": -0.023,
    "heading: picture article": 0.021,
    "heading: short over dateline": -0.01,
}

# The quick model: the same cues but the words.
QUICK = {
    "heading: not article gap": -5.569,
    "heading: flush left": 4.621,
    "text: note": -4.497,
    "text: not article gap": -4.375,
    "heading: next byline": 4.015,
    "text: local brief": 3.715,
    "text: flush left": -3.688,
    "heading: next subtitle": 3.512,
    "heading: wider gap": 3.33,
    "heading: picture": 3.31,
    "heading: article gap": 3.304,
    "heading: numbered": -3.304,
    "text: article gap": 3.194,
    "text: wider gap": 3.194,
    "heading: over a dateline after text": 3.012,
    "text: untitled article": 2.874,
    "text: numbered": -2.87,
    "text: para": -2.725,
    "heading: prev credit": 2.646,
    "heading: list goes on": -2.643,
    "heading: after dateline 2": 2.593,
    "heading: untitled article": 2.316,
    "heading: under a label": 2.308,
    "text: prev credit": 2.262,
    "heading: no text yet": -2.169,
    "bias": -2.146,
    "text: picture": 2.033,
    "heading: names heading": -2.012,
    "heading: has subheads": -1.936,
    "heading: prev complete": 1.931,
    "heading: question heading": -1.604,
    "text: prev complete": 1.503,
    "heading: end of page": -1.469,
    "heading: prev names": 1.468,
    "heading: prev byline": 1.428,
    "text: next dateline": 1.42,
    "heading: news article": 1.41,
    "text: untitled lede": 1.294,
    "heading: figures": -1.242,
    "text: just opened": 1.221,
    "text: over a dateline after text": 1.181,
    "text: under a label": -1.015,
    "text: lede": 1.008,
    "text: end of page": 0.98,
    "heading: long run": -0.954,
    "text: list goes on": -0.947,
    "text: next heading": -0.944,
    "heading: just opened": -0.935,
    "heading: after a caption": -0.846,
    "text: has subheads": -0.846,
    "text: prev closing byline": -0.772,
    "text: prev names": 0.75,
    "heading: short heading": -0.674,
    "heading: long article": 0.672,
    "text: prev heading": -0.62,
    "text: news article": -0.591,
    "heading: heading": 0.579,
    "heading: bylined article": -0.554,
    "text: picture article": -0.522,
    "heading: next heading": 0.51,
    "heading: prev closing byline": -0.473,
    "text: after a caption": 0.447,
    "text: long article": 0.398,
    "text: reported": -0.353,
    "text: bylined article": 0.35,
    "heading: next dateline": -0.348,
    "heading: prev picture": -0.335,
    "text: no text yet": 0.327,
    "text: dateline": 0.297,
    "heading: short section": -0.289,
    "text: indented": -0.265,
    "heading: after figures": 0.216,
    "heading: prev heading": 0.181,
    "heading: short over dateline": -0.179,
    "heading: picture article": -0.175,
    "text: another dateline": -0.074,
    "text: next byline": 0.07,
    "heading: next names": -0.028,
    "text: dateline in article without": 0.018,
}

# The characters of the most articles (left out of cohesion).
COMMON = frozenset(
    "的一在国中日和大为了人有年新上是月本者出行发成以会地家来这个报作全到不进前记对时"
    "部多开社生要长于主经等同电分民方重高工下现华动过天后市实加面理自力关与展业们政道"
    "建得北合用定公他将目从就其外今体之总提我内也员说各明好平事表能区次已位度起十入心"
    "务化而最去当使机并利据由场正还通问三特制向可及立近所强两产京小此着名里都间种期第"
    "学万系法设文活共点达代题意基取些持情结任解济元统如领应金子委导组门举保程决世张改"
    "二量性步因水交资界相先计调更广局东别受联把安但放然西美无管增深际指认办省式首五讯"
    "南至比原形品求项少图给集信处院接风手议治看数件科示收推又海府常路片积物极只级四造"
    "干规几果续样施义参见流难被术支观战传格变"
)

# The two-character strings of the most articles, one after another (words a
# print layout may cut in two).
_PAIRS = (
    "记者本报中国日电国家新华一个华社发展工作北京经济的一进行问题全国人民社会政府报道"
    "今天第一建设我们他们重要去年同时市场世界目前我国企业一些了一方面地区没有领导图片"
    "这一提高大的部门通过公司组织中央有关年来是一国际改革积极主要新的活动自己年的这些"
    "成为加强国的管理生产一步这是要求开始情况作为生活出了报讯研究认为的发会议的重人员"
    "精神技术关系这个举行实现水平中的一年特别一次努力历史可以解决进一基础提供的大的人"
    "上的建立代表到了表示就是部分提出作用服务在这取得参加业的人们以及群众人的许多们的"
    "需要以来由于国人来的其中主义今年基本文化有一这样影响的是据新必须有的行的委员时间"
    "的新不断政治出的已经的经会主继续美国指出单位合作希望政策展的好的这种全面干部具有"
    "国务成了工程家的作的支持条件联合稳定发生现在重点决定计划得到同志附图不能国内的基"
    "一种主席措施十五中心开展行了科技促进形成现代共同投资实际要的出现的主进入第二采取"
    "在一广大科学部长为了环境坚持项目增加以上事业增长面的过去经过世纪一定的中不是实施"
    "任务达到己的地方务院不仅区的起来报记发挥总理产品社北十分思想各种的情教育的问保持"
    "现了资金开放两个也是介绍的生定的重视能力会上日前万元个人正在作出的同什么经营的时"
    "都是了解结构城市制度实行系统受到的国的关的工完成根据是在结合而且可能因此民的新闻"
    "其他开发书记别是日讯利用和国报北包括集团负责最大目标得了国有各地成功只有党的长期"
    "调整民族形式传统不同社记的成一位看到职工重大强调这里规模多的还有主任困难创造先进"
    "在全目的获得讯记成的质量日在最近学习分别他说充分不可战略认识方式责任农民如果良好"
    "会的深入的作天在的地因为化的农村召开几年金融副主严重成立产业推动员会领域新年理论"
    "统一农业五大产生电记如何保证一起安全自然之间样的是我首先帮助的高原因所有也不根本"
    "心的济发明显立了发现体制全部时期期间过程第三高度上海近年投入机制不少解放的精系列"
    "认真工业有效专家但是济的意义的事生的内容落实的方一批信息在中经验的实大力在北收入"
    "性的联系贡献文明成果的第存在机关推进关部造成持续者的优势还是设的规定亿元加了间的"
    "健康年代机构之一保护各级场经引起改善关于组成艺术分析制定大会按照最后行为参与发表"
    "直接力量泽民结束的不大量的各的原江泽的历阶段劳动美元这次力的有限为主一条扩大的全"
    "增强效益当地一项大学银行资源了这国政对于正式集中在国宣传里的接受电视形势的优实践"
    "后的起了加快结果多年表现反映国民和平行动突破出来处理真正在新才能的有的领副总的政"
    "有了综合地位现象高的统计准备应该调查量的竞争和发原则外交动的来了变化业和然而中共"
    "日本他的带来具体下午欢迎每年成绩品的宣布总统甚至使用下的来自础上小平更加的最利益"
    "前的先后之后是中关键革开代化二十为一指导完全任何整个为中标准长的行业地的个月连续"
    "的十当前一直巨大委会香港办公加大天的的文访问的心双方的合意见力度到的几个年底严格"
    "优秀邓小大家内外行政能够的社万人很大减少的建及时方针时代自治改变知识多种多人程中"
    "程度而是学生体系报告各项进步家庭贯彻的意一大办法度的出版人才在我场的理的作者转变"
    "比较虽然并不青年的目国国特色中华感到一天状况两国财政元的也有另一有人一月面临的思"
    "众的来到监督随着制的人士一是到一年前商业方法关注和人的形务的尤其题的一系明确丰富"
    "门的大型在此举办们在只要民主合理一部适应表明更多价值价格完善的现交流在的一家了大"
    "最高部的定了逐步等方和经一点一样所以二是非常尽管有利意识素质的信人口十年面对探索"
    "出一和中不会的改作品平均迅速界的时候学的的小注意从而贫困和社会见基层体现建成突出"
    "成员两年基金深化为人观念多万革命部队图为国外学院交通广泛多个令人的要商品恢复的行"
    "关心超过是不重新员的难以的进党和队伍学校一切进了资产的这有些专业是由国各合国办的"
    "三个规范常委设备公里左右范围开拓未来供了今后者王进程不久执行局面控制业务越来来越"
    "相互一方正是确定发出共中都有来说出席首都著名系的做好已有河北上了电话而不义的去的"
    "多名内的天下普遍平的的自速度近日因素居民的特消费十一趋势导人面积检查的影对此反对"
    "给予如此生命形象较大的指开了道路大精人大同的实的用于相当方向标志拥有始终不到为此"
    "现实纷纷在京培养集体产的协调的前的美切实重的安排需求统的岁的成一运动的老选择快速"
    "的结经常的产维护信心顺利了新坚决况下京市地说机会委书大部万多的战应当贸易界上体的"
    "府的是对作了医院对外国经走向的外党中艰苦上午展和者刘党委推出有所还要特点整体限公"
    "得的进展进的处于罗斯是国只是下降院副比赛的资汽车各国了中相信平理的好有企市政的水"
    "为我的市针对再次更好奋斗下了建议终于色的作会放在特殊的决的比的支对中此间公安除了"
    "友好朋友由中式的运行争取展开利于那么态度中有及其一般了全培训专门法律英国广东全体"
    "成就危机国在正确市委工的市的自身了我亿美只能选举如今是要热情出口知道家和伟大的总"
)
COMMON_PAIRS = frozenset(_PAIRS[i : i + 2] for i in range(0, len(_PAIRS), 2))
