"""Weights of the model in ``segment``: written by bench/split_train.py, do not edit.

Fitted on 27290 blocks (14411 open an article) of 179 pages dated 1-20 January 1998 in
layouts blank,indent,wrapped,print-breaks,flat,wrap-cells,header,furniture; L2 1.0.
"""

WEIGHTS = {
    "heading: cohesion": -8.978,
    "text: cohesion": -6.67,
    "heading: not article gap": -5.496,
    "text: note": -4.789,
    "heading: flush left": 4.501,
    "text: not article gap": -4.193,
    "heading: next byline": 3.694,
    "heading: next subtitle": 3.436,
    "text: local brief": 3.33,
    "heading: wider gap": 3.324,
    "heading: article gap": 3.269,
    "heading: numbered": -3.218,
    "heading: picture": 3.092,
    "text: article gap": 3.015,
    "text: wider gap": 3.015,
    "text: flush left": -3.0,
    "text: untitled article": 2.881,
    "text: numbered": -2.871,
    "heading: under a label": 2.563,
    "heading: list goes on": -2.561,
    "text: para": -2.421,
    "heading: prev credit": 2.355,
    "heading: no text yet": -2.294,
    "heading: prev complete": 2.259,
    "text: prev credit": 2.229,
    "text: next dateline": 2.091,
    "text: picture": 2.054,
    "heading: untitled article": 1.941,
    "heading: has subheads": -1.896,
    "heading: after dateline 2": 1.884,
    "heading: next dateline": 1.842,
    "heading: prev byline": 1.729,
    "heading: end of page": -1.686,
    "heading: names heading": -1.675,
    "heading: question heading": -1.653,
    "text: prev complete": 1.502,
    "bias": -1.468,
    "heading: news article": 1.464,
    "heading: figures": -1.375,
    "heading: prev names": 1.369,
    "text: untitled lede": 1.32,
    "heading: just opened": -1.177,
    "text: next heading": -1.13,
    "heading: after a caption": -1.056,
    "heading: long run": -0.955,
    "heading: heading": 0.953,
    "text: list goes on": -0.904,
    "text: just opened": 0.903,
    "text: end of page": 0.897,
    "text: lede": 0.835,
    "text: prev closing byline": -0.77,
    "heading: long article": 0.756,
    "heading: bylined article": -0.73,
    "text: under a label": -0.709,
    "text: prev names": 0.706,
    "text: has subheads": -0.694,
    "text: dateline": 0.556,
    "heading: after figures": 0.541,
    "heading: short heading": -0.488,
    "text: after a caption": 0.488,
    "heading: short section": -0.429,
    "heading: prev picture": -0.425,
    "text: prev heading": -0.418,
    "text: picture article": -0.404,
    "text: reported": -0.403,
    "heading: next heading": 0.348,
    "text: next byline": 0.323,
    "text: no text yet": 0.3,
    "heading: prev closing byline": -0.297,
    "heading: prev heading": 0.279,
    "heading: short over dateline": -0.273,
    "text: long article": 0.263,
    "text: dateline in article without": 0.227,
    "heading: picture article": -0.226,
    "text: news article": -0.215,
    "text: indented": -0.197,
    "text: bylined article": 0.181,
    "text: another dateline": -0.074,
    "heading: next names": -0.016,
}

# The characters of the most articles (left out of cohesion).
COMMON = frozenset(
    "的一在国中日和大为了人有年新上是月本者出行发成以会地家来这个报作全到不进前记对时"
    "部多开社生要长于主经等同电分民方重高工下现华动过天后市实加面理自力关与展业们政道"
    "建得北合用定公他将目从就其外今体之总提我内也说员各明好平事表能区次已位度起十入心"
    "务化而最去当使机并利据由场正还通三问特制向可及立近所强两产京小此着名里都间种期第"
    "学万系法设共文活点达代意题基取些持结情任解济元统如领金应子委导组门举保程决世张改"
    "二量性步因水交资界相先计调更广局东别受联把但安放然西美无管深增际指认办省式五首讯"
    "南至比原形品求项少图给集信处院风接手议治看数件科示收推又海府积路常片物极只级四造"
    "干规几果续样施义参见流难被术支观战传格变"
)

# The two-character strings of the most articles, one after another (words a
# print layout may cut in two).
_PAIRS = (
    "记者本报日电中国国家一个新华华社发展工作北京经济的一进行问题全国人民社会政府报道"
    "今天第一建设我们他们重要去年同时市场世界目前我国一些企业了一方面地区没有领导图片"
    "这一提高大的部门通过公司组织中央有关年来是一国际改革积极主要活动新的自己年的这些"
    "成为国的加强管理生产一步这是要求开始情况作为生活出了报讯研究认为的发会议的重人员"
    "精神技术关系这个举行实现水平中的一年特别一次努力历史可以解决进一基础提供的大的人"
    "上的代表建立到了表示就是部分提出作用服务取得参加在这业的人们以及群众人的们的许多"
    "需要以来由于国人来的其中主义今年文化基本有一这样影响的是据新必须有的行的委员时间"
    "的新出的政治不断已经的经会主继续美国指出单位合作希望展的政策好的这种全面干部具有"
    "国务成了工程家的作的支持联合条件发生稳定现在重点决定计划同志得到附图不能国内的基"
    "一种主席措施十五中心开展行了科技促进形成共同现代投资实际要的出现的主进入第二采取"
    "在一广大科学部长为了环境坚持项目增加以上事业面的增长过去经过世纪一定的中不是实施"
    "任务达到己的地方务院不仅区的起来报记发挥总理产品社北十分各种思想的情教育保持的问"
    "现了资金两个开放也是介绍定的的生重视能力会上日前万元个人作出正在的同什么经营的时"
    "都是了解结构城市制度实行系统受到的国的关的工完成根据是在结合而且可能因此民的新闻"
    "其他开发书记别是日讯利用和国报北包括集团负责最大目标得了国有各地成功党的只有长期"
    "调整民族传统形式不同社记的成一位看到重大职工强调这里规模多的还有主任困难创造先进"
    "在全目的获得讯记成的质量日在最近学习分别他说充分不可战略认识方式责任农民如果良好"
    "会的的作深入天在的地因为化的农村召开几年金融副主严重成立产业推动员会领域理论新年"
    "农业统一五大产生电记如何保证一起安全自然之间样的是我首先帮助的高原因所有根本也不"
    "心的济发明显立了发现体制全部时期期间过程第三高度上海近年投入机制解放不少的精系列"
    "认真工业有效专家济的但是意义的事生的落实内容的方一批信息在中经验大力的实在北收入"
    "性的成果文明联系贡献的第存在机关推进关部持续造成者的优势还是设的规定亿元间的加了"
    "健康年代机构之一保护各级场经引起改善关于艺术组成分析制定大会按照最后行为参与力量"
    "泽民直接发表结束的不大量江泽的各的原的历阶段劳动美元这次力的有限为主一条的全扩大"
    "增强效益一项当地大学银行资源了这国政对于正式在国集中宣传里的接受电视实践形势的优"
    "后的起了加快结果多年表现反映行动国民和平突破出来处理才能真正在新的有的领副总的政"
    "有了综合地位现象高的统计准备应该调查量的外交竞争原则和发动的来了变化业和然而日本"
    "中共他的具体带来下午欢迎每年成绩品的宣布总统甚至使用下的来自小平础上更加的最利益"
    "前的先后之后革开关键是中代化二十为一完全任何指导为中整个标准长的行业地的个月连续"
    "的十当前一直巨大委会香港办公加大天的的文访问的心双方的合意见力度到的几个年底严格"
    "优秀内外大家邓小行政能够万人的社很大减少的建及时自治方针改变时代知识多种多人程中"
    "程度而是学生体系报告各项家庭进步的意贯彻一大办法度的出版人才在我场的理的作者转变"
    "比较虽然并不青年特色的目国国中华一天感到状况两国财政元的也有另一有人一月面临众的"
    "的思来到监督随着制的人士一是到一年前商业方法和人关注的形务的尤其题的一系明确门的"
    "丰富大型在此举办合理们在民主只要一部适应表明更多价值价格完善的现交流在的一家了大"
    "最高部的等方定了逐步和经一点一样所以二是有利非常尽管素质意识的信人口十年面对探索"
    "出一不会的改和中作品平均迅速界的学的时候的小注意从而贫困和社会见基层体现建成突出"
    "成员两年基金深化为人观念多万革命部队图为国外学院广泛交通多个令人的要商品恢复的行"
    "关心超过是不重新员的难以的进党和队伍学校一切进了资产的这有些专业是由国各合国三个"
    "办的规范常委设备公里左右范围开拓未来供了今后者王进程不久执行局面控制业务来越越来"
    "相互一方正是来说发出共中都有确定首都著名出席系的做好已有河北上了电话义的而不去的"
    "多名天下内的普遍平的的自速度近日因素居民的特消费趋势十一导人面积检查的影对此反对"
    "给予如此生命形象较大开了道路的指大精人大同的实的用于相当方向不到标志拥有始终为此"
    "现实纷纷在京培养集体产的的前的美协调切实重的安排需求统的岁的成一运动的老选择快速"
    "的结经常的产信心顺利维护坚决况下了新京市机会地说委书大部万多的战应当界上贸易体的"
    "府的是对作了医院走向对外的外国经艰苦党中上午者刘展和党委推出有所还要特点整体限公"
    "进的处于罗斯进展得的是国只是下降院副比赛的资汽车平理了中各国相信有企的好市政的水"
    "为我的市针对再次更好下了奋斗建议终于色的作会放在特殊的决的比的支对中此间公安除了"
    "朋友友好由中式的运行争取展开利于那么态度中有及其一般了全培训专门法律英国广东全体"
    "成就危机国在正确市委市的工的自身了我亿美只能选举如今是要热情出口知道伟大家和的总"
)
COMMON_PAIRS = frozenset(_PAIRS[i : i + 2] for i in range(0, len(_PAIRS), 2))
