import { Text, View } from '@tarojs/components';
import { PRIVACY_FIELDS } from './fields';
import './index.css';

/** 用户隐私保护指引: what is collected and why (rows from ./fields), who operates it, your rights. */
export default function PrivacyPage() {
  return (
    <View className='page privacy'>
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
        <Text className='privacy__p'>
          联系方式：请通过所在工会或当地职工服务热线 12351 联系我们，我们将在 15 个工作日内答复。
        </Text>
      </View>

      <View className='card'>
        <View className='section-title'>
          <Text>您的权利</Text>
        </View>
        <Text className='privacy__p'>查询：您可以在“我的”页面查看本小程序保存的您的信息。</Text>
        <Text className='privacy__p'>更正：信息有误时，您可以联系所在工会更正。</Text>
        <Text className='privacy__p'>删除：您可以申请删除个人信息或注销，法律法规要求保存的记录除外。</Text>
        <Text className='privacy__p'>撤回同意：您可以随时撤回此前给予的授权，撤回不影响此前已进行的处理。</Text>
      </View>

      <View className='card'>
        <View className='section-title'>
          <Text>儿童个人信息</Text>
        </View>
        <Text className='privacy__p'>
          本小程序面向职工本人使用，不直接向未满 14 周岁的儿童提供服务。暑托班报名中的子女信息属于敏感个人信息，仅在家长（监护人）单独同意后收集，只收集必要字段，仅家长本人和对应托管点工作人员可见。
        </Text>
      </View>
    </View>
  );
}
