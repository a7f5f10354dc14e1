"""Weights of the model in ``segment``: written by bench/split_train.py, do not edit.

Fitted on 27286 blocks (14415 open an article) of 179 pages dated 1-20 January 1998 in
layouts blank,indent,wrapped,print-breaks,flat,wrap-cells,header,furniture; L2 1.0.
"""

WEIGHTS = {
    "heading: cohesion": -8.992,
    "text: cohesion": -6.785,
    "heading: not article gap": -5.497,
    "text: note": -4.614,
    "heading: flush left": 4.5,
    "text: not article gap": -4.017,
    "heading: next byline": 3.693,
    "text: flush left": -3.469,
    "heading: next subtitle": 3.434,
    "heading: wider gap": 3.324,
    "text: local brief": 3.307,
    "heading: article gap": 3.269,
    "heading: numbered": -3.218,
    "heading: picture": 3.09,
    "text: article gap": 3.086,
    "text: wider gap": 3.086,
    "text: untitled article": 2.968,
    "text: numbered": -2.842,
    "heading: under a label": 2.563,
    "heading: list goes on": -2.56,
    "text: para": -2.385,
    "heading: prev credit": 2.354,
    "text: prev credit": 2.329,
    "heading: no text yet": -2.294,
    "heading: prev complete": 2.259,
    "text: picture": 2.111,
    "text: next dateline": 2.027,
    "heading: untitled article": 1.941,
    "heading: has subheads": -1.897,
    "heading: after dateline 2": 1.885,
    "heading: next dateline": 1.839,
    "heading: prev byline": 1.729,
    "heading: end of page": -1.686,
    "heading: names heading": -1.674,
    "heading: question heading": -1.654,
    "heading: news article": 1.468,
    "bias": -1.448,
    "text: untitled lede": 1.415,
    "heading: figures": -1.378,
    "heading: prev names": 1.369,
    "text: prev complete": 1.334,
    "heading: just opened": -1.177,
    "text: next heading": -1.134,
    "heading: after a caption": -1.057,
    "heading: long run": -0.955,
    "heading: heading": 0.937,
    "text: list goes on": -0.894,
    "text: lede": 0.887,
    "text: just opened": 0.872,
    "text: prev closing byline": -0.824,
    "text: end of page": 0.807,
    "heading: long article": 0.756,
    "text: prev names": 0.74,
    "heading: bylined article": -0.731,
    "text: under a label": -0.731,
    "text: has subheads": -0.666,
    "text: dateline": 0.644,
    "heading: after figures": 0.542,
    "text: after a caption": 0.52,
    "heading: short heading": -0.489,
    "heading: short section": -0.427,
    "heading: prev picture": -0.426,
    "text: prev heading": -0.424,
    "text: picture article": -0.381,
    "text: reported": -0.363,
    "text: next byline": 0.355,
    "text: news article": -0.353,
    "heading: next heading": 0.347,
    "heading: prev closing byline": -0.297,
    "heading: prev heading": 0.279,
    "heading: short over dateline": -0.273,
    "text: long article": 0.257,
    "text: no text yet": 0.251,
    "heading: picture article": -0.226,
    "text: dateline in article without": 0.216,
    "text: bylined article": 0.206,
    "text: indented": -0.192,
    "text: another dateline": 0.065,
    "heading: next names": -0.016,
}

# The characters of the most articles (left out of cohesion).
COMMON = frozenset(
    "的一在国中日和大为了人有年新上是月本者出行发成以会地家来这个报作全到不进前记对时"
    "部多开社生要长于主经等同电分民方重高工下现华动过天后市实加面理自力关与展业们政道"
    "建得北合用定公他将目从就其外今体之总提我内也员说各明好平表事能次区已位度起十入心"
    "务化而最去当使机并利据由场正还通问三特制向可及立近所强两产京小此着名里都间种期第"
    "学万系法设文共活点达代意题基取些持情结任解济元统如领金应子委导门组保举程决世张改"
    "二量性步因水交资相界先计调更广局东别受联把但安放然西美无管增深际指认办省式五首讯"
    "南至比原形品求项少图给集信处院接风手议治看数科件示收推又海府积路常片物极只级四造"
    "规干几果续样施义参见流难被术支观战传格变"
)

# The two-character strings of the most articles, one after another (words a
# print layout may cut in two).
_PAIRS = (
    "记者本报日电中国国家一个新华华社发展工作北京经济的一进行问题全国人民社会政府报道"
    "今天第一建设我们他们重要去年同时市场世界目前我国企业一些了一方面地区没有领导图片"
    "这一提高大的部门通过公司组织中央有关年来是一国际积极改革主要新的活动自己年的这些"
    "成为国的加强管理生产一步这是要求开始情况作为生活出了报讯研究认为的发会议人员的重"
    "精神关系技术这个举行实现水平中的一年特别一次努力历史可以解决进一提供基础的大的人"
    "上的建立代表到了表示就是部分提出作用服务取得在这参加业的人们以及群众人的们的许多"
    "需要以来由于国人来的其中主义今年文化基本有一这样影响的是据新必须有的行的委员时间"
    "的新不断政治出的已经的经继续会主美国指出单位合作政策希望展的好的这种全面具有干部"
    "国务成了工程家的作的支持条件联合稳定发生现在重点决定计划同志得到附图不能国内的基"
    "一种主席措施十五中心开展行了促进科技形成共同现代投资要的实际出现的主进入第二采取"
    "广大在一科学部长为了环境坚持增加项目以上事业面的增长过去经过一定世纪的中不是实施"
    "任务达到己的地方务院不仅区的起来报记发挥总理产品社北十分思想各种的情教育的问保持"
    "现了资金开放两个也是介绍的生定的能力重视会上日前万元个人作出正在的同什么经营的时"
    "都是了解结构城市制度实行系统受到的国的关的工完成根据是在结合而且可能因此民的新闻"
    "其他开发书记别是日讯利用和国报北包括负责集团最大得了目标国有各地成功只有党的长期"
    "调整民族传统形式不同社记的成一位看到职工重大强调这里规模多的还有主任困难创造先进"
    "在全目的获得讯记成的质量日在最近学习分别他说充分不可战略认识方式责任农民如果会的"
    "良好的作深入天在的地因为化的农村召开几年金融副主严重成立产业推动员会领域农业新年"
    "统一理论五大产生电记如何保证一起安全自然之间是我样的首先帮助的高原因所有根本也不"
    "心的济发明显立了发现体制全部时期期间过程第三高度上海近年投入机制不少解放的精系列"
    "认真工业有效专家但是济的意义的事生的落实内容的方一批信息在中经验的实大力在北收入"
    "性的联系文明成果贡献的第存在机关推进关部造成持续者的优势还是设的规定亿元加了间的"
    "健康年代机构之一保护各级场经引起改善关于艺术组成分析大会按照制定最后行为直接力量"
    "参与发表泽民结束的不大量的各江泽的原的历阶段劳动美元这次力的有限为主一条的全扩大"
    "增强效益当地一项大学银行资源了这正式国政对于集中在国宣传里的接受电视实践的优形势"
    "起了后的加快结果多年表现反映和平行动国民突破出来处理在新才能真正的有的领副总的政"
    "有了综合地位现象高的统计准备应该调查量的和发竞争原则外交动的来了变化业和然而中共"
    "日本他的带来具体下午欢迎每年成绩品的宣布总统甚至使用下的来自小平础上更加的最利益"
    "前的先后之后是中革开关键代化二十为一指导任何完全为中整个标准长的行业地的个月连续"
    "的十当前一直巨大委会香港办公加大天的的文访问的心双方的合意见力度到的年底几个严格"
    "优秀邓小能够内外行政大家的社万人很大减少的建及时自治方针改变时代知识多种多人程中"
    "程度而是学生体系报告各项家庭进步的意贯彻一大办法度的出版人才在我场的理的转变作者"
    "比较虽然并不青年的目国国特色中华一天感到状况两国财政元的也有另一有人一月面临的思"
    "众的来到监督随着制的人士一是到一年前商业方法和人关注的形务的尤其题的一系明确门的"
    "丰富大型在此举办一部们在合理只要民主适应表明更多价值价格完善的现交流在的一家了大"
    "最高部的逐步定了等方和经一点一样所以二是非常有利尽管素质意识的信人口十年面对探索"
    "出一不会的改和中作品平均迅速界的时候学的的小注意从而贫困和社会见基层体现建成突出"
    "成员两年基金深化为人观念多万革命部队图为国外学院交通广泛多个令人的要商品的行恢复"
    "关心超过是不重新员的难以的进党和队伍学校一切进了资产的这有些专业是由合国国各三个"
    "办的规范常委设备公里左右范围开拓未来供了今后者王进程不久执行局面控制业务越来来越"
    "相互一方正是来说发出都有共中确定首都出席著名系的做好已有河北上了电话义的而不去的"
    "多名内的天下普遍的自平的速度近日因素居民的特消费趋势十一导人面积检查的影对此反对"
    "给予如此生命形象较大的指开了道路大精人大同的实的用于相当方向标志不到始终拥有为此"
    "现实纷纷在京培养集体产的的前的美协调切实重的需求安排统的岁的成一运动的老选择快速"
    "的结经常的产信心维护顺利坚决况下了新京市机会地说委书大部万多的战应当贸易界上体的"
    "府的是对作了医院对外走向国经的外党中艰苦者刘上午展和党委推出有所还要特点整体限公"
    "进展得的进的处于罗斯是国只是下降院副比赛的资汽车平理相信了中各国的好有企市政的水"
    "为我的市针对再次下了更好奋斗建议终于色的作会放在特殊的决的比对中的支此间公安除了"
    "朋友友好由中运行式的争取展开利于那么态度中有及其一般了全培训专门法律英国广东成就"
    "全体国在正确危机市委工的市的自身了我亿美只能选举如今是要热情出口知道伟大家和的总"
)
COMMON_PAIRS = frozenset(_PAIRS[i : i + 2] for i in range(0, len(_PAIRS), 2))
