import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PRIVACY_FIELDS } from './fields';
import { elderClass } from '../../utils/elderMode';
import './index.css';

/** 用户隐私保护指引: what is collected and why (rows from ./fields), who operates it, your rights (→ 账号与隐私 / 注销账号). */
export default function PrivacyPage() {
  return (
    <View className={`page privacy${elderClass()}`}>
      <View className='card'>
        <Text className='privacy__h1'>用户隐私保护指引</Text>
        <Text className='privacy__p'>
          本小程序由工会组织运营，为职工提供入会、会员服务、福利领取、活动报名、暑托班和疗休养等服务。我们只收集提供这些服务所必需的信息，并在页面上对姓名、证件号、手机号等信息脱敏显示。
        </Text>
      </View>

      <View className='card'>
        <View className='section-title'>
          <Text>我们收集哪些信息</Text>
        </View>
        {PRIVACY_FIELDS.map((row) => (
          <View key={row.field} className='privacy__field'>
            <Text className='privacy__field-name'>
              {row.field}
              {row.sensitive ? <Text className='privacy__sensitive'> 敏感信息</Text> : null}
            </Text>
            <View className='privacy__kv'>
              <Text className='privacy__k'>用途</Text>
              <Text className='privacy__v'>{row.purpose}</Text>
            </View>
            <View className='privacy__kv'>
              <Text className='privacy__k'>保存期限</Text>
              <Text className='privacy__v'>{row.retention}</Text>
            </View>
            <View className='privacy__kv'>
              <Text className='privacy__k'>可见范围</Text>
              <Text className='privacy__v'>{row.visibleTo}</Text>
            </View>
          </View>
        ))}
        <Text className='note'>新功能需要收集新的信息时，我们会先更新本指引，并在收集前征得您的同意。</Text>
      </View>

      <View className='card'>
        <View className='section-title'>
          <Text>运营者与联系方式</Text>
        </View>
        <Text className='privacy__p'>
          运营者：部署本小程序的工会组织（如市总工会或区县（市）总工会），数据存储在其云开发环境中，不用于商业用途，不向第三方出售。
        </Text>
        <Text className='privacy__p'>联系方式：请通过所在工会或当地职工服务热线 12351 联系我们，我们将在 15 个工作日内答复。</Text>
      </View>

      <View className='card'>
        <View className='section-title'>
          <Text>您的权利</Text>
        </View>
        <Text className='privacy__p'>查询：您可以在“我的”页面查看本小程序保存的您的信息。</Text>
        <Text className='privacy__p'>更正：信息有误时，您可以联系所在工会更正。</Text>
        <Text className='privacy__p'>
          删除与注销：您可以在“我的 →
          账号与隐私”中注销账号，注销前会列出将删除和将保留的内容。注销后立即删除您的个人信息；与商家结算、福利经费核算和托管点存档需要的记录（如已核销的福利、已参加的疗休养、暑托班出勤）删除姓名并解除与您账号的关联后保留。会员身份属于所属工会的会员名册，注销只解除与本微信的绑定，可凭姓名和身份证号重新认领。您也可以联系所在工会申请删除单项信息。
        </Text>
        <Text className='privacy__p'>
          撤回同意：孩子信息可在“我的暑托班”中删除，即撤回对该孩子信息的单独同意；订阅消息每次同意只发一条，可在小程序设置中关闭；撤回全部同意请注销账号。撤回不影响此前已进行的处理。
        </Text>
        <View className='link-row' onClick={() => void Taro.navigateTo({ url: '/packages/member/account/index' })}>
          <Text>前往“账号与隐私”（撤回同意、注销账号）</Text>
          <Text className='link-row__arrow'>›</Text>
        </View>
      </View>

      <View className='card'>
        <View className='section-title'>
          <Text>儿童个人信息</Text>
        </View>
        <Text className='privacy__p'>
          本小程序面向职工本人使用，不直接向未满 14
          周岁的儿童提供服务。暑托班报名中的子女信息属于敏感个人信息，仅在家长（监护人）单独同意后收集，只收集必要字段，仅家长本人和对应托管点工作人员可见。
        </Text>
      </View>
    </View>
  );
}
