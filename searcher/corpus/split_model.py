"""Weights of the model in ``segment``: written by bench/split_train.py, do not edit.

Fitted on 22663 blocks (8757 open an article) of 179 pages dated 1-20 January 1998 in
layouts blank,indent,wrapped,print-breaks,flat,wrap-cells,header,furniture; L2 1.0.
"""

WEIGHTS = {
    "text: cohesion": -7.488,
    "text: word cohesion": -6.233,
    "heading: word cohesion": -5.951,
    "heading: cohesion": -5.213,
    "text: note": -4.987,
    "heading: not article gap": -4.881,
    "heading: numbered": -4.753,
    "heading: flush left": 4.524,
    "text: not article gap": -3.847,
    "text: untitled article": 3.628,
    "heading: next byline": 3.392,
    "heading: untitled article": 3.36,
    "heading: under a label": 3.261,
    "text: local brief": 3.241,
    "text: untitled lede": 3.2,
    "heading: wider gap": 3.09,
    "text: article gap": 3.087,
    "text: wider gap": 3.087,
    "heading: article gap": 3.002,
    "heading: next subtitle": 2.875,
    "text: flush left": -2.568,
    "text: numbered": -2.47,
    "text: picture": 2.432,
    "heading: joins next": -2.246,
    "text: ledes follow": 2.207,
    "heading: question heading": -2.121,
    "heading: no text yet": -2.058,
    "heading: prev ends": 1.993,
    "heading: title odds": 1.913,
    "heading: has subheads": -1.855,
    "heading: over a dateline after text": -1.794,
    "text: para": -1.785,
    "heading: next dateline": -1.78,
    "heading: after dateline 2": 1.763,
    "heading: prev complete": 1.686,
    "heading: prev names": 1.635,
    "text: prev complete": 1.579,
    "heading: covers": 1.561,
    "text: next heading": -1.502,
    "bias": -1.492,
    "heading: picture": 1.486,
    "heading: prev byline": 1.417,
    "heading: just opened": -1.403,
    "heading: prev credit": 1.377,
    "heading: echoes": -1.359,
    "heading: news article": 1.344,
    "heading: after figures": 1.218,
    "heading: list goes on": -1.131,
    "heading: names heading": -1.081,
    "heading: figures": -1.04,
    "text: lede": -1.021,
    "heading: long article": 0.981,
    "text: list goes on": -0.969,
    "text: prev closing byline": -0.94,
    "text: prev credit": 0.839,
    "text: long article": 0.781,
    "text: dateline": 0.775,
    "text: prev ends": 0.747,
    "heading: next opens": 0.734,
    "text: prev names": 0.588,
    "text: opens": 0.574,
    "text: under a label": -0.565,
    "text: just opened": 0.548,
    "text: dateline in article without": 0.541,
    "text: reported": -0.515,
    "heading: prev picture": 0.488,
    "heading: prev closing byline": -0.48,
    "heading: bylined article": -0.471,
    "heading: short section": -0.466,
    "text: has subheads": -0.437,
    "heading: next heading": 0.427,
    "text: prev heading": -0.392,
    "heading: end of page": -0.296,
    "heading: heading": 0.293,
    "text: another dateline": -0.281,
    "heading: after a caption": -0.266,
    "text: next dateline": 0.254,
    "heading: picture article": -0.209,
    "text: news article": 0.159,
    "text: bylined article": -0.155,
    "text: end of page": 0.148,
    "text: after a caption": -0.142,
    "text: next byline": 0.135,
    "text: over a dateline after text": 0.125,
    "heading: prev heading": 0.091,
    "heading: short heading": 0.083,
    "text: no text yet": 0.076,
    "heading: next names": -0.066,
    "text: indented": -0.062,
    "heading: long run": -0.052,
    "heading: short over dateline": 0.032,
    "text: picture article": -0.031,
}

# The quick model: the same cues but the words.
QUICK = {
    "heading: not article gap": -5.404,
    "heading: untitled article": 4.82,
    "heading: flush left": 4.511,
    "heading: numbered": -4.148,
    "text: note": -4.036,
    "text: untitled article": 4.02,
    "text: not article gap": -3.987,
    "text: local brief": 3.947,
    "heading: next byline": 3.881,
    "text: article gap": 3.468,
    "text: wider gap": 3.468,
    "heading: wider gap": 3.298,
    "heading: article gap": 3.266,
    "heading: next subtitle": 3.187,
    "heading: under a label": 3.18,
    "heading: prev credit": 3.084,
    "text: para": -3.081,
    "text: flush left": -3.041,
    "heading: picture": 2.989,
    "text: untitled lede": 2.877,
    "heading: joins next": -2.596,
    "heading: no text yet": -2.5,
    "text: picture": 2.474,
    "text: ledes follow": 2.417,
    "heading: after dateline 2": 2.41,
    "text: numbered": -2.32,
    "bias": -2.318,
    "heading: list goes on": -2.226,
    "heading: has subheads": -2.03,
    "heading: names heading": -1.914,
    "heading: news article": 1.894,
    "heading: prev complete": 1.874,
    "text: prev complete": 1.864,
    "heading: over a dateline after text": -1.78,
    "heading: prev names": 1.651,
    "heading: question heading": -1.608,
    "text: prev credit": 1.565,
    "text: next heading": -1.514,
    "heading: prev byline": 1.421,
    "heading: end of page": -1.352,
    "heading: figures": -1.189,
    "text: prev names": 1.115,
    "text: just opened": 1.086,
    "text: under a label": -1.07,
    "text: list goes on": -0.994,
    "text: lede": -0.971,
    "heading: after a caption": -0.969,
    "text: dateline": 0.948,
    "heading: just opened": -0.937,
    "text: has subheads": -0.829,
    "text: prev heading": -0.794,
    "heading: heading": 0.763,
    "text: prev closing byline": -0.755,
    "heading: long article": 0.741,
    "text: news article": -0.695,
    "heading: next dateline": -0.676,
    "text: next dateline": 0.625,
    "heading: after figures": 0.601,
    "heading: short heading": -0.586,
    "text: dateline in article without": 0.548,
    "text: after a caption": 0.544,
    "heading: long run": -0.521,
    "heading: prev closing byline": -0.494,
    "text: another dateline": 0.436,
    "heading: prev picture": 0.398,
    "heading: next heading": 0.386,
    "heading: bylined article": -0.374,
    "text: over a dateline after text": 0.319,
    "text: end of page": 0.293,
    "text: indented": -0.289,
    "heading: prev heading": 0.286,
    "heading: short section": -0.268,
    "heading: picture article": -0.195,
    "text: picture article": -0.129,
    "text: no text yet": 0.121,
    "text: bylined article": -0.11,
    "text: long article": 0.075,
    "heading: short over dateline": -0.068,
    "heading: next names": -0.063,
    "text: next byline": -0.043,
    "text: reported": 0.036,
}

# The characters of the most articles (left out of cohesion).
COMMON = frozenset(
    "的一在国中日和大为了人有年新上是月本者出发行成以会地家来这个报作全到不进前记对时"
    "部多开社生要长于主经等同电分民方重高工下现华动过天后市实加面理自力关与展业们政道"
    "建得北合用定公他将目从就其外今体之总提我内也员说各明好平表事能区次已位度十起入心"
    "务化而最去当使机并利据由场正还通三问特制向可及立近所强两产京小此着名里都间种期第"
    "学万系法设文活共点达代题意基取些持情结任解济元统如领金应子委组导门举保程决世改张"
    "二量性步因水交资界相先计调更广局东别受联把但安放然西美无增深管际指认办省式首五讯"
    "南至比原形品求项少图给集信处院风接手议治看数件科示收推又海府积常路片物极只级四造"
    "规干几果续样施义参见流难被术支观战传格变"
)

# The two-character strings of the most articles, one after another (words a
# print layout may cut in two).
_PAIRS = (
    "记者本报日电中国国家一个新华华社发展工作北京经济的一进行问题全国人民社会政府报道"
    "今天第一建设我们他们重要去年同时市场世界目前我国企业一些了一地区方面没有领导图片"
    "这一提高大的部门通过公司组织中央有关年来是一国际改革积极主要活动新的自己年的这些"
    "成为加强国的管理生产一步这是要求开始情况作为生活出了报讯研究认为的发会议的重人员"
    "精神关系技术这个举行实现水平中的特别一年一次历史努力可以解决进一提供基础的大的人"
    "上的代表建立到了表示就是部分提出作用服务取得参加在这业的人们以及群众人的许多们的"
    "需要以来由于国人来的其中主义今年文化基本有一这样影响的是据新必须有的行的委员时间"
    "的新出的政治不断已经的经继续会主美国指出单位合作政策希望展的好的这种全面具有干部"
    "国务成了工程家的作的支持条件联合稳定发生现在重点决定计划同志得到附图不能国内的基"
    "一种主席措施十五中心开展行了促进科技形成共同现代投资要的实际出现的主进入第二采取"
    "广大在一科学部长为了环境坚持项目增加以上事业增长面的过去经过一定世纪的中不是实施"
    "任务达到己的地方务院不仅区的起来报记发挥总理产品十分社北各种思想的情教育的问保持"
    "现了资金开放两个也是介绍定的的生能力重视会上日前万元个人作出正在的同什么经营的时"
    "都是了解结构城市制度系统实行受到的国的关的工完成根据是在结合而且可能因此民的新闻"
    "其他开发书记别是日讯利用和国报北包括集团负责最大目标得了国有各地成功只有党的调整"
    "长期民族传统形式不同社记的成一位看到职工重大强调这里规模多的还有主任困难创造先进"
    "在全目的获得讯记成的质量日在最近学习分别他说充分不可战略认识方式责任农民如果会的"
    "良好深入的作天在的地因为化的农村召开几年金融副主严重成立产业推动员会领域理论新年"
    "统一农业五大产生电记如何保证一起安全自然之间样的是我首先帮助的高原因所有根本也不"
    "心的济发明显立了发现体制全部时期期间过程第三高度上海近年投入机制不少解放的精系列"
    "认真工业有效专家济的但是意义的事生的落实内容的方一批信息在中经验的实大力在北收入"
    "性的成果联系文明贡献的第存在机关推进关部造成持续者的优势还是设的规定亿元加了间的"
    "健康年代机构之一保护各级场经引起改善关于组成艺术分析大会按照制定最后行为泽民参与"
    "直接力量发表结束的不大量的原江泽的各阶段的历劳动美元这次力的有限为主一条的全扩大"
    "增强效益当地一项大学银行资源了这对于国政正式集中在国宣传里的接受电视实践的优形势"
    "后的起了加快结果多年表现反映国民和平行动突破出来处理真正在新才能的有的领副总的政"
    "有了综合地位现象高的统计准备应该调查量的和发原则外交竞争动的来了变化业和然而中共"
    "日本他的带来具体下午欢迎每年成绩品的宣布总统甚至使用下的来自础上小平更加的最利益"
    "前的先后之后关键是中代化革开二十为一指导任何完全整个为中标准长的行业地的个月连续"
    "的十当前一直巨大委会香港办公加大天的的文访问的心的合双方意见力度到的年底几个严格"
    "优秀大家邓小行政能够内外的社万人很大减少的建及时时代改变自治方针知识多种多人程中"
    "程度而是学生体系报告家庭进步各项贯彻的意一大办法度的出版人才在我场的理的作者转变"
    "比较虽然并不青年的目特色国国中华一天感到状况两国财政元的也有另一有人一月面临的思"
    "众的来到监督随着制的人士一是到一年前商业方法和人关注务的的形尤其题的一系明确门的"
    "丰富大型在此举办民主们在只要一部合理适应表明更多价值价格完善的现交流在的一家了大"
    "最高部的等方逐步定了和经一点一样所以二是尽管有利非常意识素质的信人口十年面对探索"
    "出一的改和中不会作品平均迅速界的时候学的的小注意从而贫困和社会见基层体现建成突出"
    "成员两年基金深化观念为人多万革命部队图为国外学院交通广泛多个令人的要商品恢复的行"
    "关心超过是不重新员的难以的进党和队伍学校一切进了资产的这有些专业是由国各合国三个"
    "办的规范常委设备公里左右范围开拓未来今后供了者王进程不久执行局面控制业务来越越来"
    "相互一方正是确定发出共中都有来说首都出席著名系的做好已有河北上了电话而不义的去的"
    "多名内的天下普遍的自平的速度近日因素居民的特消费趋势十一导人面积检查的影对此反对"
    "给予如此生命形象较大开了道路的指大精人大同的用于实的相当方向标志拥有不到始终为此"
    "现实纷纷在京培养集体产的的前协调的美切实重的安排需求统的岁的成一运动的老选择快速"
    "的结经常的产顺利信心维护况下坚决了新京市机会地说委书大部万多的战应当贸易界上体的"
    "府的是对作了医院的外对外国经走向艰苦党中者刘展和上午党委推出有所还要特点整体限公"
    "进展得的罗斯处于进的是国只是下降院副比赛的资汽车各国相信了中平理有企的好市政的水"
    "为我的市针对再次奋斗下了更好建议色的终于作会放在特殊的比的决的支对中此间公安除了"
    "友好朋友由中运行式的争取展开利于那么态度中有及其一般了全培训专门法律英国广东全体"
    "成就正确危机国在市委工的市的自身了我亿美只能选举如今是要热情出口知道伟大家和的总"
)
COMMON_PAIRS = frozenset(_PAIRS[i : i + 2] for i in range(0, len(_PAIRS), 2))
