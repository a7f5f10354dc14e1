"""Weights of the model in ``segment``: written by bench/split_train.py, do not edit.

Fitted on 22663 blocks (8757 open an article) of 179 pages dated 1-20 January 1998 in
layouts blank,indent,wrapped,print-breaks,flat,wrap-cells,header,furniture; L2 1.0.
"""

WEIGHTS = {
    "text: cohesion": -7.487,
    "text: word cohesion": -6.232,
    "heading: word cohesion": -5.907,
    "heading: cohesion": -5.18,
    "text: note": -4.986,
    "heading: not article gap": -4.898,
    "heading: numbered": -4.735,
    "heading: flush left": 4.567,
    "text: not article gap": -3.846,
    "text: untitled article": 3.63,
    "heading: next byline": 3.466,
    "heading: untitled article": 3.318,
    "heading: under a label": 3.275,
    "text: local brief": 3.243,
    "text: untitled lede": 3.199,
    "heading: wider gap": 3.107,
    "text: article gap": 3.087,
    "text: wider gap": 3.087,
    "heading: article gap": 3.023,
    "heading: next subtitle": 2.926,
    "text: flush left": -2.568,
    "text: numbered": -2.469,
    "text: picture": 2.433,
    "text: ledes follow": 2.207,
    "heading: question heading": -2.1,
    "heading: no text yet": -2.045,
    "heading: prev ends": 2.01,
    "heading: title odds": 1.975,
    "heading: has subheads": -1.859,
    "heading: after dateline 2": 1.773,
    "heading: next dateline": -1.754,
    "text: para": -1.753,
    "heading: over a dateline after text": -1.747,
    "heading: prev names": 1.679,
    "heading: prev complete": 1.645,
    "text: prev complete": 1.587,
    "heading: covers": 1.558,
    "bias": -1.534,
    "text: next heading": -1.502,
    "heading: picture": 1.494,
    "heading: prev byline": 1.417,
    "heading: prev credit": 1.398,
    "heading: just opened": -1.387,
    "heading: echoes": -1.319,
    "heading: news article": 1.258,
    "heading: after figures": 1.24,
    "heading: list goes on": -1.15,
    "heading: names heading": -1.051,
    "text: lede": -1.02,
    "heading: long article": 1.007,
    "heading: figures": -0.997,
    "text: list goes on": -0.969,
    "text: prev closing byline": -0.939,
    "text: prev credit": 0.84,
    "text: long article": 0.781,
    "text: dateline": 0.776,
    "text: prev ends": 0.747,
    "heading: next opens": 0.728,
    "text: prev names": 0.588,
    "text: opens": 0.574,
    "text: under a label": -0.564,
    "text: just opened": 0.549,
    "text: dateline in article without": 0.542,
    "text: reported": -0.514,
    "heading: prev picture": 0.509,
    "heading: next heading": 0.492,
    "heading: prev closing byline": -0.46,
    "heading: bylined article": -0.448,
    "heading: short section": -0.441,
    "text: has subheads": -0.437,
    "text: prev heading": -0.392,
    "text: another dateline": -0.281,
    "heading: end of page": -0.276,
    "heading: after a caption": -0.254,
    "text: next dateline": 0.254,
    "heading: heading": 0.22,
    "heading: picture article": -0.184,
    "text: news article": 0.159,
    "text: bylined article": -0.154,
    "text: end of page": 0.148,
    "text: after a caption": -0.142,
    "text: next byline": 0.136,
    "heading: short heading": 0.127,
    "text: over a dateline after text": 0.124,
    "text: no text yet": 0.079,
    "heading: next names": -0.067,
    "heading: prev heading": 0.062,
    "text: indented": -0.061,
    "heading: long run": -0.045,
    "heading: short over dateline": 0.036,
    "text: picture article": -0.031,
}

# The quick model: the same cues but the words.
QUICK = {
    "heading: not article gap": -5.433,
    "heading: untitled article": 4.797,
    "heading: flush left": 4.546,
    "heading: numbered": -4.134,
    "text: note": -4.036,
    "text: untitled article": 4.02,
    "text: not article gap": -3.987,
    "text: local brief": 3.948,
    "heading: next byline": 3.938,
    "text: article gap": 3.468,
    "text: wider gap": 3.468,
    "heading: wider gap": 3.312,
    "heading: article gap": 3.281,
    "heading: next subtitle": 3.235,
    "heading: under a label": 3.188,
    "text: para": -3.064,
    "heading: prev credit": 3.047,
    "heading: picture": 3.046,
    "text: flush left": -3.042,
    "text: untitled lede": 2.877,
    "heading: no text yet": -2.492,
    "text: picture": 2.475,
    "text: ledes follow": 2.417,
    "heading: after dateline 2": 2.397,
    "bias": -2.338,
    "text: numbered": -2.319,
    "heading: list goes on": -2.24,
    "heading: has subheads": -2.017,
    "heading: names heading": -1.892,
    "text: prev complete": 1.867,
    "heading: prev complete": 1.843,
    "heading: news article": 1.769,
    "heading: over a dateline after text": -1.74,
    "heading: prev names": 1.685,
    "heading: question heading": -1.582,
    "text: prev credit": 1.565,
    "text: next heading": -1.514,
    "heading: prev byline": 1.409,
    "heading: end of page": -1.338,
    "heading: figures": -1.15,
    "text: prev names": 1.115,
    "text: just opened": 1.087,
    "text: under a label": -1.069,
    "text: list goes on": -0.994,
    "heading: after a caption": -0.984,
    "text: lede": -0.971,
    "text: dateline": 0.948,
    "heading: just opened": -0.92,
    "text: has subheads": -0.828,
    "text: prev heading": -0.794,
    "text: prev closing byline": -0.754,
    "heading: long article": 0.744,
    "heading: heading": 0.726,
    "text: news article": -0.695,
    "text: next dateline": 0.625,
    "heading: next dateline": -0.62,
    "heading: after figures": 0.601,
    "heading: short heading": -0.559,
    "text: dateline in article without": 0.549,
    "text: after a caption": 0.544,
    "heading: long run": -0.543,
    "heading: prev closing byline": -0.486,
    "heading: next heading": 0.465,
    "text: another dateline": 0.436,
    "heading: prev picture": 0.376,
    "heading: bylined article": -0.362,
    "text: over a dateline after text": 0.319,
    "text: end of page": 0.293,
    "text: indented": -0.288,
    "heading: short section": -0.257,
    "heading: prev heading": 0.251,
    "heading: picture article": -0.2,
    "text: picture article": -0.129,
    "text: no text yet": 0.122,
    "text: bylined article": -0.11,
    "text: long article": 0.075,
    "heading: next names": -0.066,
    "heading: short over dateline": -0.065,
    "text: next byline": -0.042,
    "text: reported": 0.037,
}

# The characters of the most articles (left out of cohesion).
COMMON = frozenset(
    "的一在国中日和大为了人有年新上是月本者出行发成以会地家来这个报作全到不进前记对时"
    "部多开社生要长于主经等同电分民方重高工下现华动过天后市实加面理自力关与展业们政道"
    "建得北合用定公他将目从就其外今体之总提我内也说员各明好平表事能次区已位度十起入心"
    "务化而最去当使机并利据由场正还通三问特制向可及立近所强两产京小着此名里都间种期第"
    "学万系法设共文活点达代题意基取些持情结任解济元统如领应金子委门导组举保程决世改张"
    "二量性步因水交资相界先计调更广局东别受联把但安放然西美无深管增际指认办省式首五讯"
    "南至比原形品求项少图给集信处院接风手议治看数件科示收推又海府常路片积物极只级四造"
    "规干几果续样施义参见流难被术支观战传格变"
)

# The two-character strings of the most articles, one after another (words a
# print layout may cut in two).
_PAIRS = (
    "记者本报日电中国国家一个新华华社发展工作北京经济的一进行问题全国人民社会政府报道"
    "今天第一建设我们他们重要去年同时市场世界目前我国企业一些了一地区方面没有领导图片"
    "这一提高大的部门通过公司组织中央有关年来是一国际积极改革主要新的活动自己年的这些"
    "成为国的加强管理生产一步这是要求开始情况作为生活出了报讯研究认为的发会议人员的重"
    "精神技术关系这个举行实现水平中的特别一年一次努力历史可以解决进一基础提供的大的人"
    "上的代表建立到了表示就是部分提出作用服务取得参加在这业的人们以及群众人的们的许多"
    "需要以来由于国人来的其中主义今年基本文化有一这样影响的是据新必须有的行的委员时间"
    "的新不断出的政治已经的经继续会主美国指出单位合作政策展的希望好的这种全面具有干部"
    "国务成了工程家的作的支持条件联合稳定发生现在重点决定计划同志得到附图不能国内的基"
    "一种主席措施十五中心开展行了促进科技形成现代共同投资要的实际出现的主进入第二采取"
    "广大在一科学部长为了环境坚持增加项目以上事业面的增长过去经过一定世纪的中不是实施"
    "任务达到己的地方务院不仅区的起来报记发挥总理产品十分社北思想各种的情教育保持的问"
    "现了资金两个开放也是介绍的生定的重视能力会上日前万元个人作出正在的同什么经营的时"
    "了解都是结构城市制度系统实行受到的国的关的工完成根据是在结合而且可能因此民的新闻"
    "其他开发书记别是日讯利用和国报北包括集团负责最大得了目标国有各地成功只有党的长期"
    "调整民族传统形式不同社记的成一位看到职工重大强调这里规模多的还有主任困难创造先进"
    "在全目的获得讯记成的质量日在最近学习分别他说充分不可战略认识方式责任农民如果良好"
    "会的的作深入天在的地因为化的农村召开几年金融副主严重成立产业推动员会领域农业理论"
    "统一新年五大产生电记如何保证一起安全自然之间样的是我首先帮助的高原因所有也不根本"
    "心的济发明显立了发现体制全部时期期间过程第三高度上海近年投入机制不少解放的精系列"
    "认真工业有效专家但是济的意义的事生的内容落实的方一批信息在中经验大力的实在北收入"
    "性的成果联系文明贡献的第存在机关推进关部造成持续者的优势还是设的规定亿元间的加了"
    "健康年代机构之一保护各级场经引起改善关于艺术组成分析按照制定大会最后行为泽民参与"
    "力量发表直接结束的不大量的各的原江泽阶段的历劳动美元这次力的有限为主一条扩大的全"
    "增强效益当地一项大学银行资源了这国政正式对于在国集中宣传里的接受电视形势实践的优"
    "后的起了加快结果多年表现反映行动和平国民突破出来处理才能真正在新的有的领副总的政"
    "有了综合地位现象高的统计准备应该调查量的和发竞争外交原则动的来了变化业和然而中共"
    "他的日本具体带来下午欢迎每年成绩品的宣布总统甚至使用下的来自小平础上更加的最利益"
    "前的先后之后关键革开代化是中二十为一完全任何指导整个为中标准长的行业地的个月连续"
    "当前的十一直巨大委会香港办公加大天的的文访问的心的合双方意见力度到的年底几个严格"
    "优秀内外能够邓小大家行政万人的社很大减少的建及时时代方针改变自治知识多种多人程中"
    "程度而是学生体系报告进步各项家庭的意贯彻一大办法度的出版人才在我场的理的转变作者"
    "比较虽然并不青年的目国国特色中华感到一天状况两国财政元的也有另一有人一月面临众的"
    "的思来到监督随着制的人士一是到一年前商业方法关注和人务的的形尤其题的一系明确门的"
    "丰富大型在此举办一部只要民主合理们在适应表明更多价值价格完善的现交流在的一家了大"
    "最高部的等方逐步定了和经一点一样所以二是非常有利尽管素质意识的信人口十年面对探索"
    "出一不会的改和中作品平均迅速界的学的时候的小注意从而贫困和社会见基层体现建成突出"
    "成员两年基金深化为人观念多万革命部队图为国外学院交通广泛多个令人的要商品恢复的行"
    "关心超过是不重新员的难以的进党和队伍学校一切进了资产的这有些专业是由合国国各三个"
    "办的规范常委设备公里左右范围未来开拓供了今后者王进程不久执行局面控制业务越来来越"
    "相互一方正是发出确定都有共中来说出席首都著名系的做好已有河北上了电话义的而不去的"
    "多名天下内的普遍平的的自速度近日因素居民的特消费十一趋势导人面积检查的影对此反对"
    "给予如此生命形象较大的指道路开了大精人大同的用于实的相当方向拥有标志不到始终为此"
    "现实纷纷在京培养集体产的协调的美的前切实重的安排需求统的岁的成一运动的老选择快速"
    "的结经常的产顺利维护信心况下坚决了新京市机会地说委书大部万多的战应当界上贸易体的"
    "府的是对作了医院走向的外对外国经党中艰苦展和上午者刘党委推出有所还要特点整体限公"
    "罗斯进的处于得的进展是国只是下降院副比赛的资汽车了中相信各国平理有企的好市政的水"
    "为我的市针对再次下了更好奋斗建议终于色的作会放在特殊的决的比对中的支此间公安除了"
    "朋友友好由中式的运行争取展开利于那么态度中有及其一般了全培训专门法律英国广东成就"
    "全体国在危机正确市委工的市的自身了我亿美只能选举如今是要热情出口知道伟大家和的总"
)
COMMON_PAIRS = frozenset(_PAIRS[i : i + 2] for i in range(0, len(_PAIRS), 2))
