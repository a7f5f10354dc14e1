"""Weights of the model in ``segment``: written by bench/split_train.py, do not edit.

Fitted on 22749 blocks (8773 open an article) of 179 pages dated 1-20 January 1998 in
layouts blank,indent,wrapped,print-breaks,flat,wrap-cells,header,furniture; L2 1.0.
"""

WEIGHTS = {
    "text: cohesion": -7.442,
    "text: word cohesion": -6.263,
    "heading: word cohesion": -5.91,
    "heading: cohesion": -5.536,
    "text: note": -5.051,
    "heading: numbered": -4.89,
    "heading: not article gap": -4.879,
    "heading: flush left": 4.459,
    "text: not article gap": -3.83,
    "text: untitled article": 3.706,
    "heading: untitled article": 3.338,
    "text: untitled lede": 3.302,
    "heading: next byline": 3.297,
    "text: local brief": 3.282,
    "heading: wider gap": 3.092,
    "text: article gap": 3.092,
    "text: wider gap": 3.092,
    "heading: under a label": 3.011,
    "heading: article gap": 3.007,
    "heading: next subtitle": 2.818,
    "text: flush left": -2.499,
    "text: numbered": -2.461,
    "text: picture": 2.41,
    "text: ledes follow": 2.379,
    "heading: joins next": -2.302,
    "heading: after dateline 2": 2.065,
    "heading: no text yet": -2.027,
    "heading: question heading": -1.994,
    "heading: title odds": 1.941,
    "heading: next dateline": -1.937,
    "heading: prev names": 1.87,
    "heading: prev ends": 1.845,
    "text: para": -1.788,
    "heading: has subheads": -1.7,
    "heading: prev complete": 1.685,
    "heading: covers": 1.609,
    "text: prev complete": 1.566,
    "heading: prev credit": 1.517,
    "bias": -1.5,
    "heading: just opened": -1.475,
    "text: next heading": -1.463,
    "heading: news article": 1.45,
    "heading: picture": 1.438,
    "heading: echoes": -1.386,
    "heading: prev byline": 1.357,
    "text: lede": -1.224,
    "heading: after figures": 1.184,
    "heading: names heading": -1.062,
    "heading: figures": -1.005,
    "heading: list goes on": -0.987,
    "text: list goes on": -0.962,
    "text: prev closing byline": -0.935,
    "heading: long article": 0.927,
    "text: long article": 0.834,
    "text: dateline": 0.797,
    "text: prev ends": 0.743,
    "heading: next opens": 0.734,
    "text: prev credit": 0.712,
    "text: prev names": 0.615,
    "text: dateline in article without": 0.579,
    "text: opens": 0.578,
    "text: under a label": -0.572,
    "text: just opened": 0.536,
    "heading: prev picture": 0.5,
    "text: reported": -0.493,
    "text: has subheads": -0.475,
    "heading: prev closing byline": -0.457,
    "heading: bylined article": -0.448,
    "text: prev heading": -0.409,
    "heading: short section": -0.408,
    "heading: over a dateline after text": -0.338,
    "heading: after a caption": -0.331,
    "heading: end of page": -0.318,
    "heading: heading": 0.287,
    "text: another dateline": -0.275,
    "heading: next heading": 0.233,
    "text: next dateline": 0.233,
    "text: news article": 0.207,
    "heading: picture article": -0.198,
    "text: after a caption": -0.147,
    "text: end of page": 0.143,
    "text: next byline": 0.136,
    "text: bylined article": -0.119,
    "text: over a dateline after text": 0.116,
    "heading: short heading": 0.109,
    "heading: prev heading": 0.081,
    "heading: short over dateline": -0.078,
    "heading: long run": -0.077,
    "heading: next names": -0.064,
    "text: no text yet": 0.051,
    "text: indented": -0.038,
    "text: picture article": 0.01,
    "heading: next mid-word": -0.0,
}

# The quick model: the same cues but the words.
QUICK = {
    "heading: not article gap": -5.433,
    "heading: untitled article": 4.792,
    "heading: flush left": 4.495,
    "heading: numbered": -4.257,
    "text: untitled article": 4.106,
    "text: note": -4.087,
    "text: not article gap": -3.974,
    "text: local brief": 3.97,
    "heading: next byline": 3.836,
    "text: article gap": 3.484,
    "text: wider gap": 3.484,
    "heading: wider gap": 3.303,
    "heading: article gap": 3.275,
    "heading: next subtitle": 3.165,
    "heading: prev credit": 3.155,
    "text: para": -3.106,
    "text: untitled lede": 3.004,
    "text: flush left": -2.995,
    "heading: picture": 2.955,
    "heading: after dateline 2": 2.811,
    "heading: under a label": 2.809,
    "heading: joins next": -2.654,
    "text: ledes follow": 2.601,
    "text: picture": 2.469,
    "heading: no text yet": -2.425,
    "bias": -2.344,
    "text: numbered": -2.308,
    "heading: list goes on": -2.096,
    "heading: prev names": 2.036,
    "heading: names heading": -1.954,
    "heading: news article": 1.952,
    "heading: prev complete": 1.881,
    "text: prev complete": 1.876,
    "heading: has subheads": -1.87,
    "heading: question heading": -1.655,
    "text: next heading": -1.494,
    "text: prev credit": 1.456,
    "heading: prev byline": 1.411,
    "heading: end of page": -1.324,
    "heading: figures": -1.202,
    "text: lede": -1.172,
    "text: prev names": 1.148,
    "text: just opened": 1.08,
    "text: under a label": -1.07,
    "heading: just opened": -1.043,
    "heading: after a caption": -1.019,
    "text: list goes on": -0.991,
    "text: dateline": 0.984,
    "text: has subheads": -0.86,
    "heading: next dateline": -0.859,
    "text: prev heading": -0.811,
    "heading: heading": 0.762,
    "text: prev closing byline": -0.747,
    "heading: long article": 0.71,
    "heading: long run": -0.66,
    "text: news article": -0.647,
    "heading: over a dateline after text": -0.63,
    "text: next dateline": 0.605,
    "text: dateline in article without": 0.589,
    "heading: after figures": 0.571,
    "heading: short heading": -0.566,
    "text: after a caption": 0.511,
    "heading: prev closing byline": -0.463,
    "text: another dateline": 0.444,
    "heading: prev picture": 0.386,
    "heading: bylined article": -0.373,
    "text: over a dateline after text": 0.31,
    "text: end of page": 0.29,
    "heading: prev heading": 0.287,
    "text: indented": -0.264,
    "heading: next heading": 0.236,
    "heading: short section": -0.221,
    "heading: short over dateline": -0.188,
    "heading: picture article": -0.165,
    "text: long article": 0.111,
    "text: no text yet": 0.105,
    "text: bylined article": -0.071,
    "text: picture article": -0.065,
    "heading: next names": -0.05,
    "text: reported": 0.048,
    "text: next byline": -0.026,
    "heading: next mid-word": -0.0,
}

# The characters of the most articles (left out of cohesion).
COMMON = frozenset(
    "的一在国中日和大为了人有年新上是月本者出发行成以会地家来这个报作全到不进前记对时"
    "部多开社生要长于主经等同电分民方重高工下现华动过天后市实加面理自力关与展业们政道"
    "建得北合用定公他将目从就其外今体之总提我内也员说各明好平表事能次区已位度十起入心"
    "务化而最去当使机并利据由场正还通三问特制向可及立近所强两产京小此着名里都间种期第"
    "学万系法设文活共点达代题意基取些持情结任解济元统如领金应子委组导门举保程决世张改"
    "二量性步因水交资界相先计调更广局东别受联把但安放然西美无管深增际指认办省式首五讯"
    "南至比原形品求项少图给集信处院风接手议治看数科件示收推又海府片路常积物极只级四造"
    "规干几果续样施义参见流难被术支观战传格变"
)

# The two-character strings of the most articles, one after another (words a
# print layout may cut in two).
_PAIRS = (
    "记者本报中国日电国家新华一个华社发展工作北京经济的一进行问题全国人民社会政府报道"
    "今天第一建设我们他们重要去年同时市场世界目前我国一些企业了一方面地区没有领导图片"
    "这一提高大的部门通过公司组织中央有关年来是一国际改革积极主要新的活动自己年的这些"
    "成为国的加强管理生产一步这是要求开始情况作为生活出了报讯研究认为的发会议人员的重"
    "精神关系技术这个举行实现水平中的特别一年一次努力历史可以解决进一基础提供的大的人"
    "上的建立代表到了表示就是部分提出作用服务参加在这取得业的人们以及群众人的许多们的"
    "需要以来由于国人来的其中主义今年文化基本有一这样影响的是据新必须有的行的委员时间"
    "的新政治不断出的已经的经继续会主美国指出单位合作展的希望政策好的这种全面具有干部"
    "国务成了工程家的作的支持条件联合发生稳定现在重点决定计划同志得到附图不能国内的基"
    "一种主席措施十五中心开展行了促进科技形成现代共同投资实际要的出现的主进入第二采取"
    "在一广大科学部长为了环境坚持增加项目以上事业增长面的过去经过一定世纪的中不是实施"
    "任务达到己的地方务院不仅起来区的报记发挥总理产品社北十分思想各种的情教育的问保持"
    "现了资金两个开放也是介绍的生定的能力重视会上日前万元个人作出正在的同什么经营的时"
    "了解都是结构城市制度实行系统受到的国的关的工完成根据是在结合而且可能因此民的新闻"
    "其他开发书记别是日讯利用和国报北包括集团负责最大目标得了国有各地成功党的只有调整"
    "长期民族传统形式不同社记的成一位看到职工重大强调这里规模多的还有主任困难创造先进"
    "在全目的获得讯记成的质量日在最近学习分别他说充分不可战略认识方式责任农民如果会的"
    "良好的作深入天在的地因为化的农村召开几年金融副主严重成立产业推动员会领域理论统一"
    "新年农业五大产生电记如何保证一起安全自然之间样的是我首先帮助的高原因所有也不根本"
    "心的济发明显立了发现体制全部时期期间过程第三高度上海近年投入机制不少解放的精系列"
    "认真工业有效专家但是济的意义的事生的落实内容的方一批信息在中经验大力的实在北收入"
    "性的贡献成果联系文明的第存在机关推进关部造成持续者的优势还是设的规定亿元间的加了"
    "健康年代机构之一保护各级场经引起改善关于艺术组成分析按照制定大会最后行为发表泽民"
    "力量直接参与结束的不大量的原的各江泽阶段的历劳动美元这次力的有限为主一条扩大的全"
    "增强效益当地一项大学银行资源了这对于正式国政集中在国宣传里的接受电视实践形势的优"
    "后的起了加快结果多年表现反映行动和平国民突破出来处理在新才能真正的有的领副总的政"
    "有了综合地位现象高的统计准备应该调查量的竞争原则和发外交动的来了变化业和然而他的"
    "中共日本具体带来下午欢迎每年成绩品的宣布总统甚至使用下的来自础上小平更加的最利益"
    "前的先后之后代化关键革开是中二十为一任何指导完全为中整个标准长的行业地的个月连续"
    "当前的十一直巨大委会香港办公加大天的的文访问的心双方的合意见力度到的几个年底严格"
    "优秀内外行政大家能够邓小的社万人很大减少的建及时方针改变自治时代知识多种多人程中"
    "程度而是学生体系报告进步各项家庭的意贯彻一大办法度的出版人才在我场的理的转变作者"
    "比较虽然并不青年特色的目国国中华一天感到状况两国财政元的也有另一有人一月面临众的"
    "的思来到监督随着制的人士一是到一年前商业方法和人关注的形务的尤其题的一系明确门的"
    "丰富大型在此举办民主只要一部们在合理适应表明更多价值价格完善的现交流在的一家了大"
    "最高部的定了逐步等方和经一点一样所以二是非常有利尽管素质意识的信人口十年面对探索"
    "出一不会和中的改作品平均迅速界的学的时候的小注意从而贫困和社会见基层体现建成突出"
    "成员两年基金深化观念为人多万革命部队图为国外学院广泛交通多个令人的要商品恢复的行"
    "关心超过是不重新员的难以的进党和队伍学校一切进了资产的这有些专业是由国各合国办的"
    "三个规范常委设备公里左右范围开拓未来今后供了者王进程不久执行局面控制业务来越越来"
    "相互一方正是来说确定发出都有共中首都著名出席系的做好已有河北上了电话义的而不去的"
    "多名内的天下普遍平的的自速度近日因素居民的特消费趋势十一导人面积检查的影对此反对"
    "给予如此生命形象较大的指道路开了大精人大同的实的用于相当方向标志拥有始终不到为此"
    "现实纷纷在京培养集体产的协调的前的美切实重的需求安排统的岁的成一运动的老选择快速"
    "的结经常的产维护信心顺利了新况下坚决京市委书机会地说大部万多的战应当界上贸易体的"
    "府的是对作了医院国经对外的外走向党中艰苦展和上午者刘党委推出有所还要特点整体限公"
    "得的罗斯进的进展处于是国只是下降院副比赛的资汽车了中相信平理各国的好有企市政的水"
    "为我的市针对再次下了更好奋斗建议色的终于作会放在特殊的决的比的支对中此间公安除了"
    "朋友友好由中运行式的争取展开利于那么态度中有及其一般了全培训专门法律英国广东成就"
    "全体危机正确国在市委工的市的自身了我亿美只能选举如今是要热情出口知道伟大家和的总"
)
COMMON_PAIRS = frozenset(_PAIRS[i : i + 2] for i in range(0, len(_PAIRS), 2))
